def test_a_group_takes_actions_of_its_own_and_needs_one() -> None:
    parser = argparse.ArgumentParser(prog="peerdesk")
    commands = parser.add_subparsers(dest="command", required=True)

    def handler(args: argparse.Namespace) -> int:
        return 0

    bundle = group(commands, "bundle", "export, import or inspect a .pdbundle")
    command(bundle, "inspect", handler, "who sent it", "bundle:IN.pdbundle")
    args = parser.parse_args(["bundle", "inspect", "in.pdbundle"])
    assert (args.command, args.bundle_command, args.bundle) == ("bundle", "inspect", "in.pdbundle")
    with pytest.raises(SystemExit):
        parser.parse_args(["bundle"])
