// Generated from templates/ by `make templates` (scripts/embed_templates.py); a test keeps the two identical.
// .planq/templates/ beside the documents overrides them.

/// The generators' templates, as templates/ has them.
public enum BuiltinTemplates {
    public static let adr = #"""
{{!
planq ADR template (MADR 4 sections). `planq new adr` fills it in for a folder of
MADR records (adr-nygard.md serves adr-tools folders); copy it to
.planq/templates/adr.md to change what new records look like.

Values, replaced where they stand:
  title        the record's title
  number       its number, four digits (0007)
  date         the day it is written (--today)
  status       proposed, or --status
  project      the project the record was filled in from, empty without one
  decision_makers  the owners of the related tasks (assistants and pronouns left out)

Sections, each a prompt between an opening #name tag and a closing /name tag:
what the knowledge base knows replaces the prompt; where it knows nothing the
prompt stays for you.
  supersedes        the link to the record this one supersedes (--supersedes N)
  context           the decision recorded in a note (--from-note), the gate the
                    decision belongs to, the related tasks with status and source
  drivers           related risks with mitigation and contingency, related metrics
  options           (nothing known: the prompt stays)
  outcome           the decision as the note records it (--from-note)
  consequences      (nothing known: the prompt stays)
  confirmation      the gate whose criteria confirm the decision, related metrics
  pros_and_cons     (nothing known: the prompt stays)
  more_information  related decisions and lessons from the notes, the sources

An unknown placeholder is an error naming it.
}}
---
status: {{status}}
date: {{date}}
decision-makers: {{decision_makers}}
---

# {{title}}

{{#supersedes}}
{{/supersedes}}
## Context and Problem Statement

{{#context}}
_What is the problem, and why does it need a decision now? Two or three sentences, with links to
the plan where it comes from._
{{/context}}

## Decision Drivers

{{#drivers}}
- _A force or concern that shapes the decision._
{{/drivers}}

## Considered Options

{{#options}}
1. _An option, named the way the team talks about it._
2. _Another option._
{{/options}}

## Decision Outcome

{{#outcome}}
Chosen option: _the option_, because _the reason, tied to the drivers above_.
{{/outcome}}

### Consequences

{{#consequences}}
- Good, because _what gets better_.
- Bad, because _what it costs or rules out_.
{{/consequences}}

### Confirmation

{{#confirmation}}
_How the team will know the decision holds: a review, a test, a metric to watch._
{{/confirmation}}

## Pros and Cons of the Options

{{#pros_and_cons}}
### _An option_

- Good, because _an argument for it_.
- Bad, because _an argument against it_.
{{/pros_and_cons}}

## More Information

{{#more_information}}
_When to revisit this decision, who was consulted, links to follow-up work._
{{/more_information}}

"""#

    public static let adrNygard = #"""
{{!
planq ADR template in the adr-tools (Nygard) shape, for a folder of records that
adr-tools keeps. `planq new adr` fills it in; copy it to
.planq/templates/adr-nygard.md to change what new records look like.

Values, replaced where they stand:
  title        the record's title
  ordinal      its number as the title shows it (7)
  date         the day it is written (--today)
  status_word  proposed, or --status, capitalized (Proposed)

Sections, each a prompt between an opening #name tag and a closing /name tag:
what the knowledge base knows replaces the prompt; where it knows nothing the
prompt stays for you.
  supersedes    the link to the record this one supersedes (--supersedes N)
  context       the decision recorded in a note (--from-note), the gate the
                decision belongs to, the related tasks
  drivers       related risks with mitigation and contingency, related metrics
  outcome       the decision as the note records it (--from-note)
  consequences  (nothing known: the prompt stays)
}}
# {{ordinal}}. {{title}}

Date: {{date}}

## Status

{{status_word}}

{{#supersedes}}
{{/supersedes}}
## Context

{{#context}}
_What forces are at play, and why a decision is needed now._
{{/context}}

{{#drivers}}
{{/drivers}}
## Decision

{{#outcome}}
_What we will do, stated in full sentences: "We will ..."._
{{/outcome}}

## Consequences

{{#consequences}}
_What becomes easier and what becomes harder once this is done._
{{/consequences}}

"""#

    public static let runbook = #"""
{{!
planq runbook template. `planq new runbook` fills it in; copy it to
.planq/templates/runbook.md to change what new runbooks look like.

Values, replaced where they stand:
  title        the runbook's title
  date         the day it is written (--today)
  project      the project it was filled in from, empty without one

Sections, each a prompt between an opening #name tag and a closing /name tag:
what the knowledge base knows replaces the prompt; where it knows nothing the
prompt stays for you.
  overview       the project, the related tasks with status and source
  prerequisites  the criteria of the related go/exit gates
  procedure      the shell commands from the documents' code blocks whose
                 section matches the title, verbatim, in document order, each
                 with its source
  verification   (nothing known: the prompt stays)
  monitoring     the project's metrics with their targets
  rollback       the project's rollback triggers and rollback notes
  escalation     the owners, with their open tasks

An unknown placeholder is an error naming it.
}}
# Runbook: {{title}}

_Drafted {{date}} by planq from the plans; edit freely._

## Overview

{{#overview}}
_What this procedure does, when to run it, and how long it takes._
{{/overview}}

## Prerequisites

{{#prerequisites}}
- _Access, tools and approvals needed before starting._
{{/prerequisites}}

## Procedure

{{#procedure}}
1. _The first step, with the exact command._
{{/procedure}}

## Verification

{{#verification}}
- _How to tell the procedure worked: the checks and what they should show._
{{/verification}}

## Monitoring

{{#monitoring}}
- _The dashboards and alerts to watch, and for how long._
{{/monitoring}}

## Rollback

{{#rollback}}
- _When to roll back, and the steps to do it._
{{/rollback}}

## Escalation

{{#escalation}}
- _Who to call, in order, and how to reach them._
{{/escalation}}

"""#
}
