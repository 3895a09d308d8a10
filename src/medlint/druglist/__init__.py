"""medlint's drug reference list: model, CSV reading/writing and importers.

>>> from medlint.druglist import load_drug_list
>>> drugs = load_drug_list("rules/lists/drugs.csv")        # doctest: +SKIP
>>> drugs.by_name("Revlimid").generic                        # doctest: +SKIP
'lenalidomide'

User lists are merged with the default list and override it
(:meth:`DrugList.merge`).  The CSV format is documented in
:mod:`medlint.druglist.io`.
"""

from __future__ import annotations

import os
from pathlib import Path

from .importers import import_drugsatfda_products, import_rxnconso
from .io import COLUMNS, DrugListError, load_drug_list, write_drug_list
from .model import KINDS, STATUSES, Brand, DrugList, Medicine, SurfaceName, name_key

__all__ = [
    "Brand",
    "COLUMNS",
    "DrugList",
    "DrugListError",
    "KINDS",
    "Medicine",
    "STATUSES",
    "SurfaceName",
    "default_list_path",
    "import_drugsatfda_products",
    "import_rxnconso",
    "load_default_drug_list",
    "load_drug_list",
    "name_key",
    "write_drug_list",
]

#: Environment variable that points at another default list file.
ENV_VAR = "MEDLINT_DRUG_LIST"


def default_list_path() -> Path:
    """Path of the shipped default list ``rules/lists/drugs.csv``.

    ``$MEDLINT_DRUG_LIST`` overrides it.  Otherwise the packaged copy
    (``medlint/_rules/lists`` in a wheel, ``rules/lists`` in a checkout) is used.
    """
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    from medlint.resources import data_file

    return data_file("lists", "drugs.csv")


def load_default_drug_list() -> DrugList:
    """Load the default list (see :func:`default_list_path`)."""
    return load_drug_list(default_list_path())
