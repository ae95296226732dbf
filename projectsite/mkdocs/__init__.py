"""The MkDocs side of projectsite: one plugin (`plugins: [projectsite]`) that drives the engine.

The rest of the package imports no MkDocs; only this subpackage does.
"""
