/// The knowledge base schema: ordered migrations keyed by `PRAGMA user_version`, and the
/// documentation `planq schema` prints. Shipped migrations are never edited; a change is a
/// new migration appended to `migrations`.
public enum Schema {
    // Every foreign key's child column has an index: SQLite checks a key on every delete of its
    // parent, and without one each check scans the child table (quadratic re-imports).

    /// `PRAGMA application_id` of every planq knowledge base ('plnq').
    public static let applicationID: Int32 = 0x706C_6E71

    public struct Migration: Sendable {
        public let version: Int
        public let sql: String
    }

    public static var currentVersion: Int { migrations.last!.version }

    public static let migrations: [Migration] = [
        Migration(version: 1, sql: """
            CREATE TABLE imports (
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL,
                today TEXT,
                git_commit TEXT,
                duration_ms INTEGER NOT NULL DEFAULT 0,
                files_seen INTEGER NOT NULL DEFAULT 0,
                files_parsed INTEGER NOT NULL DEFAULT 0,
                files_unchanged INTEGER NOT NULL DEFAULT 0,
                files_removed INTEGER NOT NULL DEFAULT 0,
                tasks_total INTEGER NOT NULL DEFAULT 0,
                tasks_added INTEGER NOT NULL DEFAULT 0,
                tasks_changed INTEGER NOT NULL DEFAULT 0,
                tasks_removed INTEGER NOT NULL DEFAULT 0,
                warnings INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE projects (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                start_date TEXT
            );
            CREATE TABLE documents (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                project_id INTEGER NOT NULL REFERENCES projects(id),
                kind TEXT NOT NULL,
                title TEXT,
                project_name TEXT NOT NULL,
                start_date TEXT,
                hash TEXT NOT NULL,
                size INTEGER NOT NULL,
                mtime_ns INTEGER NOT NULL,
                import_id INTEGER REFERENCES imports(id)
            );
            CREATE INDEX documents_project ON documents(project_id);
            CREATE TABLE phases (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                project_id INTEGER NOT NULL REFERENCES projects(id),
                label TEXT NOT NULL,
                number INTEGER NOT NULL,
                title TEXT NOT NULL,
                first_week INTEGER,
                last_week INTEGER,
                line INTEGER NOT NULL
            );
            CREATE INDEX phases_document ON phases(document_id);
            CREATE INDEX phases_project ON phases(project_id);
            CREATE TABLE tasks (
                id INTEGER PRIMARY KEY,
                project_id INTEGER NOT NULL REFERENCES projects(id),
                key TEXT NOT NULL,
                title TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('open','done','in_progress','cancelled','deferred','planned')),
                week INTEGER,
                phase INTEGER,
                day INTEGER,
                sprint INTEGER,
                timeline TEXT,
                due TEXT,
                done_on TEXT,
                milestone INTEGER NOT NULL DEFAULT 0,
                optional INTEGER NOT NULL DEFAULT 0,
                number TEXT,
                parent_id INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
                requirements TEXT,
                details TEXT,
                source_path TEXT NOT NULL,
                source_line INTEGER NOT NULL,
                fingerprint TEXT NOT NULL,
                UNIQUE (project_id, key)
            );
            CREATE INDEX tasks_parent ON tasks(parent_id);
            CREATE TABLE task_mentions (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                task_id INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
                line INTEGER NOT NULL,
                title TEXT NOT NULL,
                status TEXT NOT NULL,
                week INTEGER,
                phase INTEGER,
                day INTEGER,
                sprint INTEGER,
                timeline TEXT,
                due TEXT,
                done_on TEXT,
                milestone INTEGER NOT NULL DEFAULT 0,
                optional INTEGER NOT NULL DEFAULT 0,
                number TEXT,
                parent_line INTEGER,
                requirements TEXT,
                details TEXT,
                owners TEXT,
                table_line INTEGER,
                table_row INTEGER,
                checkbox INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX task_mentions_document ON task_mentions(document_id);
            CREATE INDEX task_mentions_task ON task_mentions(task_id);
            CREATE TABLE owners (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE
            );
            CREATE TABLE task_owners (
                task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                owner_id INTEGER NOT NULL REFERENCES owners(id),
                action TEXT,
                position INTEGER NOT NULL,
                PRIMARY KEY (task_id, owner_id)
            ) WITHOUT ROWID;
            CREATE INDEX task_owners_owner ON task_owners(owner_id);
            CREATE TABLE task_history (
                import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
                project_id INTEGER NOT NULL,
                task_key TEXT NOT NULL,
                task_id INTEGER,
                week INTEGER,
                status TEXT NOT NULL,
                previous_status TEXT
            );
            CREATE INDEX task_history_project ON task_history(project_id, import_id);
            """),
        Migration(version: 2, sql: """
            CREATE TABLE gates (
                id INTEGER PRIMARY KEY,
                project_id INTEGER NOT NULL REFERENCES projects(id),
                key TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('week','phase','final','exit','checkpoint','go','no-go','rollback')),
                title TEXT NOT NULL,
                week INTEGER,
                phase INTEGER,
                passed INTEGER,
                decision TEXT,
                source_path TEXT NOT NULL,
                source_line INTEGER NOT NULL,
                UNIQUE (project_id, key)
            );
            CREATE TABLE gate_criteria (
                gate_id INTEGER NOT NULL REFERENCES gates(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                text TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('met','unmet','unknown')),
                role TEXT NOT NULL CHECK (role IN ('criterion','condition')),
                line INTEGER NOT NULL,
                PRIMARY KEY (gate_id, position)
            ) WITHOUT ROWID;
            CREATE TABLE gate_tasks (
                gate_id INTEGER NOT NULL REFERENCES gates(id) ON DELETE CASCADE,
                task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                PRIMARY KEY (gate_id, task_id)
            ) WITHOUT ROWID;
            CREATE INDEX gate_tasks_task ON gate_tasks(task_id);
            CREATE TABLE gate_mentions (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                gate_id INTEGER REFERENCES gates(id) ON DELETE SET NULL,
                line INTEGER NOT NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                week INTEGER,
                phase INTEGER,
                checkbox INTEGER,
                decision TEXT,
                scope_from_line INTEGER,
                criteria TEXT NOT NULL
            );
            CREATE INDEX gate_mentions_document ON gate_mentions(document_id);
            CREATE INDEX gate_mentions_gate ON gate_mentions(gate_id);
            CREATE TABLE risks (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                primary_id INTEGER REFERENCES risks(id) ON DELETE SET NULL,
                title TEXT NOT NULL,
                severity TEXT NOT NULL CHECK (severity IN ('high','medium','low','unknown')),
                likelihood TEXT,
                impact TEXT,
                mitigation TEXT,
                contingency TEXT,
                owner TEXT,
                week INTEGER,
                line INTEGER NOT NULL
            );
            CREATE INDEX risks_document ON risks(document_id);
            CREATE INDEX risks_primary ON risks(primary_id);
            CREATE TABLE metrics (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                primary_id INTEGER REFERENCES metrics(id) ON DELETE SET NULL,
                name TEXT NOT NULL,
                target TEXT,
                actual TEXT,
                status TEXT NOT NULL CHECK (status IN ('met','missed','pending','unknown')),
                stated_status TEXT,
                measurement TEXT,
                week INTEGER,
                line INTEGER NOT NULL
            );
            CREATE INDEX metrics_document ON metrics(document_id);
            CREATE INDEX metrics_primary ON metrics(primary_id);
            CREATE TABLE notes (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('blocker','went-well','to-improve','lesson','decision','deferred','next-step','status')),
                text TEXT NOT NULL,
                week INTEGER,
                line INTEGER NOT NULL
            );
            CREATE INDEX notes_document ON notes(document_id);
            CREATE VIRTUAL TABLE search USING fts5(text, kind UNINDEXED, item_id UNINDEXED, source UNINDEXED,
                tokenize = 'unicode61 remove_diacritics 2');
            """),
        // Code blocks are new in v3: documents stored before have none, so each is marked
        // changed and the next import reads it again.
        Migration(version: 3, sql: """
            CREATE TABLE code_blocks (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                line INTEGER NOT NULL,
                language TEXT NOT NULL,
                section TEXT NOT NULL,
                text TEXT NOT NULL
            );
            CREATE INDEX code_blocks_document ON code_blocks(document_id);
            UPDATE documents SET hash = '', mtime_ns = -1;
            """),
        // v4 reads risk registers, RAID logs and key results of every shape: a risk keeps its
        // stated level, register id and status, a metric its baseline, and notes gain the RAID
        // kinds (SQLite cannot alter a CHECK, so notes is rebuilt). Every document is re-read.
        Migration(version: 4, sql: """
            ALTER TABLE risks ADD COLUMN level TEXT;
            ALTER TABLE risks ADD COLUMN identifier TEXT;
            ALTER TABLE risks ADD COLUMN status TEXT;
            ALTER TABLE metrics ADD COLUMN baseline TEXT;
            ALTER TABLE documents ADD COLUMN project_stated INTEGER NOT NULL DEFAULT 1;
            CREATE TABLE notes_v4 (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('blocker','went-well','to-improve','lesson','decision','deferred',
                                                   'next-step','status','issue','assumption','dependency')),
                text TEXT NOT NULL,
                week INTEGER,
                line INTEGER NOT NULL
            );
            INSERT INTO notes_v4 SELECT id, document_id, kind, text, week, line FROM notes;
            DROP TABLE notes;
            ALTER TABLE notes_v4 RENAME TO notes;
            CREATE INDEX notes_document ON notes(document_id);
            UPDATE documents SET hash = '', mtime_ns = -1;
            """),
        // Facts the documents leave blank, recorded by `planq project set`: kept by project key,
        // so they outlive `import --rebuild` and a project that drops out and comes back.
        Migration(version: 5, sql: """
            CREATE TABLE project_settings (
                project_key TEXT PRIMARY KEY,
                start_date TEXT,
                updated_on TEXT NOT NULL
            );
            """),
        // What `status` shows for each project, settled by the import that changed the project
        // (gate scope counts on the gate rows; task counts, owners, high risks, missed metrics and
        // the next open gate per project), so an overview of thousands of projects reads one row
        // each instead of every task, risk and metric. Every document is re-read to fill them.
        Migration(version: 6, sql: """
            ALTER TABLE gates ADD COLUMN scope_total INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE gates ADD COLUMN scope_open INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE project_summaries (
                project_id INTEGER PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
                open INTEGER NOT NULL,
                done INTEGER NOT NULL,
                in_progress INTEGER NOT NULL,
                planned INTEGER NOT NULL,
                cancelled INTEGER NOT NULL,
                deferred INTEGER NOT NULL,
                first_week INTEGER,
                last_week INTEGER,
                owners TEXT,
                high_risks INTEGER NOT NULL,
                metrics_missed INTEGER NOT NULL,
                next_gate_id INTEGER REFERENCES gates(id) ON DELETE SET NULL
            );
            UPDATE documents SET hash = '', mtime_ns = -1;
            """),
        // The next gate's own facts beside its id, so `status` reads no gate row: its verdict
        // (it is not passed, by choice) needs only its week and scope counts.
        Migration(version: 7, sql: """
            ALTER TABLE project_summaries ADD COLUMN next_gate_kind TEXT;
            ALTER TABLE project_summaries ADD COLUMN next_gate_title TEXT;
            ALTER TABLE project_summaries ADD COLUMN next_gate_week INTEGER;
            ALTER TABLE project_summaries ADD COLUMN next_gate_scope_total INTEGER;
            ALTER TABLE project_summaries ADD COLUMN next_gate_scope_open INTEGER;
            UPDATE project_summaries SET (next_gate_kind, next_gate_title, next_gate_week, next_gate_scope_total, next_gate_scope_open) =
                (SELECT kind, title, week, scope_total, scope_open FROM gates WHERE gates.id = project_summaries.next_gate_id);
            """),
        // A gate's scope follows from its kind, week or phase and the project's tasks (a Kiro
        // checkpoint's from the task mentions between it and the checkpoint before): a view says
        // so instead of 75,000 rows the import wrote and compared (ADR 0020). Its rules are
        // `GateScopes`' (the import still counts each gate's scope there, for `scope_total` and
        // `scope_open`); GateScopeViewTests holds the two to the same tasks.
        Migration(version: 8, sql: """
            DROP TABLE gate_tasks;
            CREATE VIEW gate_tasks(gate_id, task_id) AS
            SELECT g.id, t.id FROM gates g JOIN tasks t ON t.project_id = g.project_id
            WHERE g.kind = 'final' AND t.status <> 'deferred'
            UNION ALL
            SELECT g.id, t.id FROM gates g JOIN tasks t ON t.project_id = g.project_id AND t.phase = g.phase
            WHERE g.kind = 'phase' AND t.status <> 'deferred'
            UNION ALL
            SELECT g.id, t.id FROM gates g JOIN tasks t ON t.project_id = g.project_id AND t.week = g.week
            WHERE (g.kind IN ('week', 'exit', 'rollback') OR g.kind = 'phase' AND g.phase IS NULL
                   OR g.kind = 'checkpoint' AND NOT EXISTS (
                       SELECT 1 FROM gate_mentions m JOIN documents d ON d.id = m.document_id
                       WHERE m.gate_id = g.id AND m.line = g.source_line AND d.path = g.source_path AND m.scope_from_line IS NOT NULL))
              AND t.status <> 'deferred'
            UNION ALL
            SELECT DISTINCT g.id, t.task_id FROM gates g
            JOIN gate_mentions m ON m.gate_id = g.id AND m.line = g.source_line AND m.scope_from_line IS NOT NULL
            JOIN documents d ON d.id = m.document_id AND d.path = g.source_path
            JOIN task_mentions t ON t.document_id = m.document_id AND t.line > m.scope_from_line AND t.line < g.source_line
            WHERE g.kind = 'checkpoint' AND t.task_id IS NOT NULL;
            """),
    ]

    /// One table's documentation: what a row is and what each column means.
    public struct TableDoc: Sendable {
        public let name: String
        public let meaning: String
        public let columns: [(name: String, meaning: String)]
    }

    public static let tables: [TableDoc] = [
        TableDoc(name: "projects", meaning: "one row per project: documents whose titles share a distinctive leading word", columns: [
            ("id", "row id"),
            ("key", "the project's key: its distinctive leading word, lowercased (what --project matches first)"),
            ("name", "display name: the words the project's document titles share"),
            ("start_date", "YYYY-MM-DD from a filled-in **Start Date:**, else NULL (project_settings may supply one)"),
        ]),
        TableDoc(name: "project_summaries", meaning: "what `planq status` shows of each project, settled by the import that last changed it", columns: [
            ("project_id", "the project (projects.id)"),
            ("open", "tasks open"), ("done", "tasks done"), ("in_progress", "tasks in progress"), ("planned", "tasks planned"),
            ("cancelled", "tasks cancelled"), ("deferred", "tasks deferred"),
            ("first_week", "the earliest week a task is in, NULL when none has a week"),
            ("last_week", "the latest week a task is in"),
            ("owners", "owners with their task counts, busiest first: name, unit separator (0x1F), count; record separators (0x1E) between"),
            ("high_risks", "risks of high severity (a risk described in several documents counts once)"),
            ("metrics_missed", "metrics whose actual misses the target"),
            ("next_gate_id", "the first gate, in week order, that is neither marked passed nor has every criterion met (gates.id)"),
            ("next_gate_kind", "that gate's kind"), ("next_gate_title", "its title"), ("next_gate_week", "its week"),
            ("next_gate_scope_total", "tasks it closes"), ("next_gate_scope_open", "of those, tasks neither done nor cancelled"),
        ]),
        TableDoc(name: "project_settings", meaning: "facts about a project that its documents leave blank, recorded by `planq project set`", columns: [
            ("project_key", "the project's key (projects.key); kept when the project is re-imported or rebuilt"),
            ("start_date", "YYYY-MM-DD: used when no document states a start date (a document's own date wins)"),
            ("updated_on", "the day it was recorded (--today)"),
        ]),
        TableDoc(name: "documents", meaning: "one row per imported Markdown file", columns: [
            ("id", "row id"),
            ("path", "the file's path as given to import (relative paths stay relative)"),
            ("project_id", "the project the document belongs to (projects.id)"),
            ("kind", "tracker, kiro-tasks, summary, action-plan, plan or other"),
            ("title", "the document's first heading"),
            ("project_name", "the project name this document states (title less its document-kind words), or the project its folder placed it in"),
            ("start_date", "the start date this document states, if any"),
            ("hash", "FNV-1a 64-bit hash of the file's bytes: unchanged files are not re-parsed"),
            ("size", "file size in bytes"),
            ("mtime_ns", "modification time in nanoseconds since 1970, checked before the hash"),
            ("import_id", "the import that last parsed the file (imports.id)"),
            ("project_stated", "1 when the document names its project (front matter or title); 0 when its folder placed it"),
        ]),
        TableDoc(name: "phases", meaning: "one row per phase heading (`Phase 2: Core Migration (Weeks 4-7)`)", columns: [
            ("id", "row id"),
            ("document_id", "the document the heading is in"),
            ("project_id", "the document's project"),
            ("label", "the phase number as written (`2`, `3.1`)"),
            ("number", "the phase number's integer part"),
            ("title", "the heading text"),
            ("first_week", "first week the heading names, if any"),
            ("last_week", "last week the heading names, if any"),
            ("line", "the heading's line"),
        ]),
        TableDoc(name: "tasks", meaning: "one row per task, however many documents mention it", columns: [
            ("id", "row id; stable across imports while the task keeps its key"),
            ("project_id", "the task's project (projects.id)"),
            ("key", "identity within the project: the normalized title (plus week when titles repeat)"),
            ("title", "title with Markdown markup, numbers and status markers stripped"),
            ("status", "open, done, in_progress, cancelled, deferred or planned (a plan's row without a checkbox)"),
            ("week", "the week of the headings above it (or its table's Week column), else NULL"),
            ("phase", "the phase of the headings above it, else NULL"),
            ("day", "the day of a `Day N` / `TODAY` / `TOMORROW` heading, else NULL"),
            ("sprint", "the sprint of a `Sprint N` heading, else NULL"),
            ("timeline", "the schedule written with an action heading (`TODAY - 1-2 hours`)"),
            ("due", "YYYY-MM-DD from an Obsidian `📅` date"),
            ("done_on", "YYYY-MM-DD from an Obsidian `✅` date"),
            ("milestone", "1 when the title is written in bold"),
            ("optional", "1 for Kiro optional tasks (`- [ ]*`)"),
            ("number", "Kiro-style number (`2.1`) when the item has one"),
            ("parent_id", "the task it is nested (or numbered) under"),
            ("requirements", "Kiro `_Requirements:_` references, comma-separated"),
            ("details", "kept lines such as `**Property 1: ...**` and `**Validates: ...**`, newline-separated"),
            ("source_path", "the document of its primary mention (the most authoritative one)"),
            ("source_line", "the line of its primary mention"),
            ("fingerprint", "a digest of the imported fields but the line, then @ and the line: changes whenever any of them does"),
        ]),
        TableDoc(name: "task_mentions", meaning: "one row per place a document mentions a task, as recognized there", columns: [
            ("id", "row id"),
            ("document_id", "the document (documents.id)"),
            ("task_id", "the task the mention was linked to (tasks.id)"),
            ("line", "the mention's line"),
            ("title", "the title as this document writes it"),
            ("status", "the status this document gives"),
            ("week", "the week in this document"), ("phase", "the phase in this document"),
            ("day", "the day in this document"), ("sprint", "the sprint in this document"),
            ("timeline", "the timeline in this document"), ("due", "due date"), ("done_on", "done date"),
            ("milestone", "bold title here"), ("optional", "Kiro optional here"), ("number", "Kiro number here"),
            ("parent_line", "line of the item this one is nested under, in the same document"),
            ("requirements", "requirement references here"), ("details", "kept detail lines here"),
            ("owners", "owners here: `name<US>action` pairs separated by <RS> (ASCII 0x1F, 0x1E)"),
            ("table_line", "the line of the task table the row is in"),
            ("table_row", "the row's position in that table (tables of two documents line up by it)"),
            ("checkbox", "1 when the mention is a checkbox, 0 for a plan's table row or an action heading"),
        ]),
        TableDoc(name: "owners", meaning: "one row per owner name (case-insensitive)", columns: [
            ("id", "row id"), ("name", "the owner's name as first written"),
        ]),
        TableDoc(name: "task_owners", meaning: "who owns which task, and what they do for it", columns: [
            ("task_id", "the task (tasks.id)"),
            ("owner_id", "the owner (owners.id)"),
            ("action", "the owner's cell in the task table (`Write CDK`), NULL when none is written"),
            ("position", "the owner's column order"),
        ]),
        TableDoc(name: "gates", meaning: "one row per gate, however many documents describe it: week, phase and final gates, exit criteria, Kiro checkpoints, go/no-go lists, rollback triggers, checkpoint table rows", columns: [
            ("id", "row id"),
            ("project_id", "the gate's project (projects.id)"),
            ("key", "identity within the project: kind and the week or phase it closes (`phase:2`, `week:1`)"),
            ("kind", "week, phase, final, exit, checkpoint, go, no-go or rollback"),
            ("title", "the gate's label or heading as written (`Phase 2 Gate (End Week 7)`)"),
            ("week", "the week the gate closes, when known"),
            ("phase", "the phase the gate closes, when known"),
            ("passed", "the gate's own checkbox (`- [ ] Gate passed`, a Kiro checkpoint's box): 1 ticked, 0 not, NULL none"),
            ("decision", "a checkpoint table's Go/No-Go column"),
            ("source_path", "the document of its primary description"),
            ("source_line", "the line of its primary description"),
            ("scope_total", "how many tasks the gate closes (its gate_tasks rows)"),
            ("scope_open", "how many of them are neither done nor cancelled"),
        ]),
        TableDoc(name: "gate_criteria", meaning: "the criteria of each gate, in order", columns: [
            ("gate_id", "the gate (gates.id)"),
            ("position", "order within the gate"),
            ("text", "the criterion as written"),
            ("status", "met (ticked box or ✅), unmet (empty box or ❌) or unknown (plain bullet)"),
            ("role", "criterion, or condition for the DELAY list of a go/no-go gate"),
            ("line", "the criterion's line in the gate's source document"),
        ]),
        TableDoc(name: "gate_tasks", meaning: "the tasks a gate closes (a view, worked out from the gates, tasks and task mentions when read): its week's, its phase's, the project's for a final gate, a Kiro checkpoint's since the previous one; deferred tasks are in none but a checkpoint's", columns: [
            ("gate_id", "the gate (gates.id)"), ("task_id", "a task in its scope (tasks.id)"),
        ]),
        TableDoc(name: "gate_mentions", meaning: "one row per place a document describes a gate, as recognized there", columns: [
            ("id", "row id"), ("document_id", "the document"), ("gate_id", "the gate it was linked to"),
            ("line", "the gate's line"), ("kind", "the kind this document gives"), ("title", "the label as written here"),
            ("week", "the week here"), ("phase", "the phase here"), ("checkbox", "the gate's own box here"),
            ("decision", "a checkpoint table's decision"), ("scope_from_line", "a Kiro checkpoint's previous checkpoint line"),
            ("criteria", "the criteria here: `line<US>text<US>checked<US>status<US>role` records separated by <RS> (ASCII 0x1F, 0x1E)"),
        ]),
        TableDoc(name: "risks", meaning: "one row per risk a document describes; a risk described in several documents of a project has one primary row", columns: [
            ("id", "row id"),
            ("document_id", "the document (documents.id)"),
            ("primary_id", "NULL for the primary description; else the row this one repeats (listings show primaries, filled in from the rest)"),
            ("title", "the risk as written"),
            ("severity", "high, medium, low or unknown: from a stated level or score, else the risk heading's band, else the impact"),
            ("likelihood", "the Likelihood / Probability cell"), ("impact", "the Impact cell, or the text after a bold risk name"),
            ("mitigation", "the mitigation"), ("contingency", "the contingency or fallback"), ("owner", "the owner"),
            ("week", "the week of the headings above it"), ("line", "the risk's line"),
            ("level", "the level as the document names it: critical, high, medium-high, medium, low-medium, low, or a code as written (P0)"),
            ("identifier", "the register's id (R-01, RISK-003): rows with one id in several tables of a document are one risk"),
            ("status", "what the register says of the risk (Open, Closed, In Progress)"),
        ]),
        TableDoc(name: "metrics", meaning: "one row per success metric a document states, in a Metric/Target table or in prose", columns: [
            ("id", "row id"),
            ("document_id", "the document (documents.id)"),
            ("primary_id", "NULL for the primary statement; else the row this one repeats"),
            ("name", "the metric as written"),
            ("target", "the target as written (`< 500ms`, `-30%`, `Yes`)"),
            ("actual", "the actual as written, NULL when blank (`______`)"),
            ("status", "met, missed, pending (no actual) or unknown (cannot compare), computed from target and actual"),
            ("stated_status", "the status the document states (✅, ❌, Met), as written"),
            ("measurement", "how it is measured"), ("week", "the week of the headings above it"), ("line", "the metric's line"),
            ("baseline", "where a key result starts from (Baseline: 125k, from 125k to 200k)"),
        ]),
        TableDoc(name: "notes", meaning: "blockers, lessons (went well / to improve), decisions, deferred items and scope cuts, next steps", columns: [
            ("id", "row id"), ("document_id", "the document (documents.id)"),
            ("kind", "blocker, went-well, to-improve, lesson, decision, deferred, next-step, issue, assumption, dependency (RAID entries that are not risks), or status (a document's `Status:` line)"),
            ("text", "the note as written"), ("week", "the week it is tagged with, from its headings"), ("line", "the note's line"),
        ]),
        TableDoc(name: "code_blocks", meaning: "one row per code block in a document, verbatim: the commands runbooks are made of", columns: [
            ("id", "row id"), ("document_id", "the document (documents.id)"), ("line", "the block's first line (its fence)"),
            ("language", "the info string's first word, lowercased (`bash`), empty when none"),
            ("section", "the headings above the block, outermost first, joined with ` > `"),
            ("text", "the block's text as written"),
        ]),
        TableDoc(name: "search", meaning: "the full-text index (FTS5) over tasks, gates, risks, metrics and notes, kept by the import; rowid = project id << 32 + n", columns: [
            ("text", "the item's words: title, criteria, mitigation and contingency, target, note text"),
            ("kind", "task, gate, risk, metric or note"),
            ("item_id", "the item's id in its own table"),
            ("source", "NULL: the item's `path:line` is in its own table (by kind and item_id), where `planq search` reads it (ADR 0018); a knowledge base imported before keeps old values until a re-import rewrites the entry"),
        ]),
        TableDoc(name: "imports", meaning: "one row per `planq import` run", columns: [
            ("id", "row id"),
            ("started_at", "when the run started, ISO 8601 UTC"),
            ("today", "the day the import describes: --today, $PLANQ_TODAY or the date it ran; a replayed commit's date"),
            ("git_commit", "the commit an `import --history` replay read the documents from, else NULL"),
            ("duration_ms", "wall time of the run"),
            ("files_seen", "Markdown files found under the paths"),
            ("files_parsed", "files read and recognized (new or changed)"),
            ("files_unchanged", "files skipped because size, time or hash were unchanged"),
            ("files_removed", "documents dropped because their files are gone"),
            ("tasks_total", "tasks in the knowledge base after the run"),
            ("tasks_added", "tasks new in this run"),
            ("tasks_changed", "tasks whose status, week or other fields changed"),
            ("tasks_removed", "tasks no document mentions any more"),
            ("warnings", "diagnostics printed during the run"),
        ]),
        TableDoc(name: "task_history", meaning: "task status over time: one row per task added, changed or removed by an import", columns: [
            ("import_id", "the import (imports.id)"),
            ("project_id", "the task's project"),
            ("task_key", "the task's key (tasks.key), which outlives a removed task's row"),
            ("task_id", "the task's id, NULL once removed"),
            ("week", "the task's week at that import"),
            ("status", "the status from that import on, or `removed`"),
            ("previous_status", "the status before, NULL when the task was new"),
        ]),
    ]
}
