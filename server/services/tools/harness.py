"""Runs one tool for POST /v1/tools/run.

The server starts this with the temporary directory as argv[1] and as the working directory;
request.json holds the tool's name, arguments and return limit, tool.py its source. The outcome
goes to result.json, so the tool's own stdout and stderr stay exactly what it printed.
"""

import ast
import asyncio
import inspect
import json
import os
import sys
import traceback

SOURCE_FILE = "tool.py"


def tool_traceback(error):
    """The traceback from the tool's own frames on, without this harness's frames."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != SOURCE_FILE:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))


def last_function_name(tree):
    names = [
        node.name
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    return names[-1] if names else None


async def wait_for(awaitable):
    return await awaitable


def write_result(workdir, result):
    with open(os.path.join(workdir, "result.json"), "w", encoding="utf-8") as file:
        json.dump(result, file)


def apply_limits(limits):
    """Soft and hard limits alike, so the tool cannot raise them again."""
    if not limits:
        return
    import resource

    for name, value in (
        ("RLIMIT_AS", limits["memory_bytes"]),
        ("RLIMIT_FSIZE", limits["file_size_bytes"]),
        ("RLIMIT_NPROC", limits["processes"]),
    ):
        resource.setrlimit(getattr(resource, name), (value, value))
    # Past the soft CPU limit the kernel sends SIGXCPU, past the hard one SIGKILL.
    cpu = limits["cpu_seconds"]
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def main():
    workdir = sys.argv[1]
    with open(os.path.join(workdir, "request.json"), encoding="utf-8") as file:
        request = json.load(file)
    limits = request.get("limits")
    apply_limits(limits)
    with open(os.path.join(workdir, SOURCE_FILE), encoding="utf-8") as file:
        source = file.read()
    limit = request["return_char_limit"]
    # Python adds LC_CTYPE when it coerces the C locale; the tool sees only the env_vars it was given.
    for key in set(os.environ) - set(request["env_names"]):
        del os.environ[key]
    function_name = request.get("name")
    try:
        tree = ast.parse(source, SOURCE_FILE)
        namespace = {"__name__": "__tool__"}
        exec(compile(tree, SOURCE_FILE, "exec"), namespace)
        # The requested name when the source defines it, else the last top-level def, as Letta reads it.
        if not (function_name and callable(namespace.get(function_name))):
            function_name = last_function_name(tree)
        if function_name is None:
            raise NameError("the source defines no top-level function to run")
        function = namespace[function_name]
        args = dict(request["args"])
        if "agent_state" in inspect.signature(function).parameters:
            args.setdefault("agent_state", None)
        value = function(**args)
        if inspect.isawaitable(value):
            value = asyncio.run(wait_for(value))
        text = str(value)
        write_result(
            workdir,
            {"ok": True, "function": function_name, "value": text[:limit], "length": len(text)},
        )
    # SystemExit and KeyboardInterrupt raised by the tool are its failures too.
    except BaseException as error:
        message = f"Error executing function {function_name or 'tool'}: {type(error).__name__}: {error}"
        if isinstance(error, MemoryError) and limits:
            megabytes = limits["memory_bytes"] // (1024 * 1024)
            message = (
                f"Error executing function {function_name or 'tool'}: MemoryError: "
                f"the tool needed more memory than its limit of {megabytes} MB"
            )
        write_result(
            workdir,
            {
                "ok": False,
                "function": function_name,
                "value": message[:limit],
                "length": len(message),
                "traceback": tool_traceback(error),
            },
        )


main()
