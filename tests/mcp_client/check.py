"""The MCP server checked with a real client: the official Python SDK (`mcp`, from PyPI).

Over stdio (the built binary's `talentdex mcp`) and over streamable HTTP (a `talentdex serve`
this script starts on a free loopback port, and always stops): initialise, list the tools,
call each with good and bad arguments, read the resources. The client validates every
structured answer against the tool's output schema. Each step has its own time limit and
prints a progress line, so a hang names its step; `.ci/run` bounds the whole run as well.

    python check.py BINARY {stdio,http,both}
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from contextlib import asynccontextmanager

import anyio
from mcp import ClientSession, MCPError, StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

# Seconds: the server's start (it builds its index in memory first), one call, the HTTP start.
START_TIMEOUT = 90
CALL_TIMEOUT = 20
SERVE_TIMEOUT = 90

TOOLS = [
    "search",
    "get_clause",
    "resolve_citation",
    "link_citations",
    "check_eligibility",
    "list_posts",
]

# (tool, arguments, what the structured answer must hold)
GOOD = [
    ("search", {"query": "芯片设计", "limit": 3}, lambda s: s["hits"][0]["id"].startswith("bj2022-a2/")),
    ("get_clause", {"id": "bj2022-a1/2.8"}, lambda s: s["id"] == "bj2022-a1/2.8"),
    ("resolve_citation", {"citation": "附件1第二条第8项"}, lambda s: s["status"] == "found" and s["id"] == "bj2022-a1/2.8"),
    ("link_citations", {"text": "依据附件1第二条第8项和Annex 2, No. 6申请。"}, lambda s: s["total"] == 2),
    ("check_eligibility", {"as_of": "2024-06-01", "age": 35, "degree": "doctorate", "post": 6}, lambda s: s["posts"][0]["id"] == "bj2022-a2/6"),
    ("list_posts", {"industry": "集成电路"}, lambda s: s["total"] == len(s["posts"]) > 0),
    ("list_posts", {}, lambda s: s["total"] == 25),
]

# (tool, arguments, the API's error code)
BAD = [
    ("get_clause", {"id": "bj2022-a9/1"}, "not_found"),
    ("search", {"query": "  "}, "empty_query"),
    ("search", {"query": "chip", "limit": 500}, "bad_limit"),
    ("search", {"query": "chip", "colour": "red"}, "bad_query"),
    ("resolve_citation", {}, "missing_cite"),
    ("link_citations", {"text": 5}, "bad_body"),
    ("check_eligibility", {"age": "old"}, "invalid_fact"),
    ("check_eligibility", {"height": 180}, "unknown_fact"),
    ("list_posts", {"industry": "fishing"}, "unknown_industry"),
]


class Progress:
    def __init__(self, transport: str) -> None:
        self.transport = transport
        self.started = time.monotonic()
        self.checks = 0

    def step(self, what: str) -> None:
        elapsed = time.monotonic() - self.started
        print(f"[{self.transport} {elapsed:6.2f}s] {what}", flush=True)

    def ok(self, what: str) -> None:
        self.checks += 1
        self.step(f"ok {what}")


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


async def timed(progress: Progress, what: str, awaitable, seconds: float = CALL_TIMEOUT):
    progress.step(f"... {what}")
    with anyio.fail_after(seconds):
        return await awaitable


async def check_session(session: ClientSession, progress: Progress) -> None:
    init = await timed(progress, "initialize", session.initialize(), START_TIMEOUT)
    expect(init.server_info.name == "talentdex", f"server name {init.server_info.name}")
    progress.ok(f"initialize (protocol {init.protocol_version})")

    listed = await timed(progress, "tools/list", session.list_tools())
    names = [t.name for t in listed.tools]
    expect(names == TOOLS, f"tools {names}")
    for tool in listed.tools:
        expect(tool.output_schema is not None, f"{tool.name} has no output schema")
        expect("not an official" in (tool.description or "") or tool.name in ("resolve_citation", "link_citations"), f"{tool.name} description")
    progress.ok("tools/list: the six tools with output schemas")

    for name, arguments, holds in GOOD:
        # The client validates the structured content against the output schema here.
        result = await timed(progress, f"call {name} {json.dumps(arguments, ensure_ascii=False)}", session.call_tool(name, arguments))
        expect(not result.is_error, f"{name}: {result.content}")
        expect(holds(result.structured_content), f"{name}: {json.dumps(result.structured_content, ensure_ascii=False)[:300]}")
        expect(result.content and result.content[0].text.strip(), f"{name}: no text")
        progress.ok(f"{name} answers (schema-valid)")

    for name, arguments, code in BAD:
        result = await timed(progress, f"call {name} with bad {json.dumps(arguments, ensure_ascii=False)}", session.call_tool(name, arguments))
        expect(result.is_error, f"{name} {arguments}: not an error")
        body = json.loads(result.content[0].text)
        expect(body["error"]["code"] == code, f"{name} {arguments}: {body}")
        progress.ok(f"{name} refuses with {code}")

    try:
        await timed(progress, "call an unknown tool", session.call_tool("no_such_tool", {}))
        raise AssertionError("an unknown tool answered")
    except MCPError as e:
        progress.ok(f"unknown tool is a protocol error ({e.code})")

    templates = await timed(progress, "resources/templates/list", session.list_resource_templates())
    uris = [t.uri_template for t in templates.resource_templates]
    expect("talentdex://clause/{id}" in uris, f"templates {uris}")
    resources = await timed(progress, "resources/list", session.list_resources())
    expect("talentdex://documents" in [r.uri for r in resources.resources], "documents resource")
    progress.ok("resources listed")
    read = await timed(progress, "read talentdex://clause/bj2022-a2/6", session.read_resource("talentdex://clause/bj2022-a2/6"))
    clause = json.loads(read.contents[0].text)
    expect(clause["id"] == "bj2022-a2/6" and clause["post"]["number"] == 6, f"clause {clause.get('id')}")
    progress.ok("clause resource read")
    try:
        await timed(progress, "read an unknown clause", session.read_resource("talentdex://clause/nope"))
        raise AssertionError("an unknown clause was read")
    except MCPError as e:
        progress.ok(f"unknown clause resource is an error ({e.code})")

    # After every refusal the session still answers.
    listed = await timed(progress, "tools/list again", session.list_tools())
    expect(len(listed.tools) == len(TOOLS), "tools after errors")
    progress.ok("session alive after errors")


async def over_stdio(binary: str) -> int:
    progress = Progress("stdio")
    params = StdioServerParameters(command=binary, args=["mcp"], env={"RUST_LOG": "warn"})
    progress.step(f"starting {binary} mcp")
    # The SDK's stdio client closes stdin and stops the process when the block ends.
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await check_session(session, progress)
    progress.step("closed")
    return progress.checks


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@asynccontextmanager
async def served(binary: str, progress: Progress):
    port = free_port()
    # The log goes to a file: a pipe nobody reads would fill and stall the server.
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(
        [binary, "serve", "--addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        progress.step(f"started talentdex serve on {base} (pid {server.pid})")
        deadline = time.monotonic() + SERVE_TIMEOUT
        while True:
            if server.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"serve exited: {log.read().decode(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("serve did not answer /healthz")
            await anyio.sleep(0.2)
        progress.step("serve answers /healthz")
        yield f"{base}/mcp"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        progress.step(f"serve stopped (exit {server.returncode})")


async def over_http(binary: str) -> int:
    progress = Progress("http")
    async with served(binary, progress) as url:
        async with streamable_http_client(url) as (read, write):
            async with ClientSession(read, write) as session:
                await check_session(session, progress)
    return progress.checks


async def main(binary: str, which: str) -> None:
    for transport, run in (("stdio", over_stdio), ("http", over_http)):
        if which in (transport, "both"):
            started = time.monotonic()
            checks = await run(binary)
            print(f"PASS {transport}: {checks} checks in {time.monotonic() - started:.1f} s", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[2] not in ("stdio", "http", "both"):
        sys.exit(__doc__)
    try:
        anyio.run(main, sys.argv[1], sys.argv[2])
    except BaseException as e:  # noqa: BLE001 - any failure, a timeout included, fails the check
        traceback.print_exc()
        print(f"FAIL: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
        sys.exit(1)
