"""Team and sharing: members, bundles, conflicts."""
