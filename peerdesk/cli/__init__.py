"""Headless commands for scripting, admins and tests: ``app`` parses and runs them, one module per group of commands.

Every command imports what it needs when it runs: building the parser must stay cheap, so that ``--version`` and
``--help`` answer as fast as the interpreter starts (tests/cli/test_startup.py checks what they import).
"""
