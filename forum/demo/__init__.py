"""The German demo community and the bulk generator for measurements."""
