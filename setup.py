"""Package discovery for setuptools; everything else about the project is in pyproject.toml.

pyproject.toml's ``packages.find`` can only name packages after the folders they are found in, but migrations/ and
resources/ ship as ``peerdesk.migrations`` and ``peerdesk.resources`` (see ``package-dir`` there). So the list is
found here: every package under peerdesk/, and those under migrations/ and resources/ with their installed names.
"""

from setuptools import find_packages, setup

SHIPPED_INSIDE = ["migrations", "migrations.*", "resources", "resources.*"]

setup(
    packages=[
        *find_packages(include=["peerdesk", "peerdesk.*"]),
        *(f"peerdesk.{name}" for name in find_packages(include=SHIPPED_INSIDE)),
    ]
)
