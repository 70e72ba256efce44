#!/usr/bin/env python3
"""Drives `planq mcp` with the official MCP Python SDK's stdio client (a client written by
others): initialize, list the tools, call each one, try a writing query. Exits 1 on a mismatch.
usage: mcp_client_check.py PLANQ DB"""
import asyncio, json, sys
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

CALLS = [("status", {}), ("tasks", {"week": 2}), ("gates", {}), ("risks", {}), ("metrics", {}), ("notes", {}),
         ("report", {"report": "week", "week": 3}), ("report", {"report": "burndown", "format": "md"}),
         ("search", {"text": "clickhouse"}), ("query", {"sql": "SELECT count(*) AS n FROM tasks"}), ("check", {})]

def field(value, snake, camel):
    """SDK 2 names fields in snake_case, SDK 1 as the protocol spells them."""
    return getattr(value, snake) if hasattr(value, snake) else getattr(value, camel)

async def main(planq, db):
    failures = []
    server = StdioServerParameters(command=planq, args=["--db", db, "--today", "2026-03-18", "mcp"])
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            hello = await session.initialize()
            print(f"initialize: {field(hello, 'server_info', 'serverInfo').name}, protocol {field(hello, 'protocol_version', 'protocolVersion')}")
            tools = (await session.list_tools()).tools
            print("tools:", ", ".join(tool.name for tool in tools))
            for name, arguments in CALLS:
                result = await session.call_tool(name, arguments)
                text = result.content[0].text if result.content else ""
                keys = sorted((field(result, 'structured_content', 'structuredContent') or {}).keys())
                print(f"{name} {json.dumps(arguments)}: isError={field(result, 'is_error', 'isError')} structured keys={keys[:6]} text={len(text)} chars")
                if field(result, 'is_error', 'isError') or not field(result, 'structured_content', 'structuredContent'):
                    failures.append(name)
            refused = await session.call_tool("query", {"sql": "DELETE FROM tasks"})
            print(f"query DELETE: isError={field(refused, 'is_error', 'isError')}: {refused.content[0].text}")
            if not field(refused, 'is_error', 'isError'):
                failures.append("writing query")
    if failures:
        print("FAILED:", ", ".join(failures))
        sys.exit(1)
    print("ok: every tool answered through the SDK client")

asyncio.run(main(sys.argv[1], sys.argv[2]))
