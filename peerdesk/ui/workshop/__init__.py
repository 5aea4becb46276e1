"""The workshop afternoon, the projector, the follow-up visit and the leadership survey."""
