"""Telegram front end. Importing this package first makes aiogram's types build lazily.

`import aiogram.types` calls model_rebuild() on all ~300 Telegram types, each compiling a pydantic
validator and serializer for its whole tree of nested types: ~150 MB of memory and ~1-3 s of start
that the bot never uses (it meets a dozen types). Here the rebuild only records the names the
types refer to; pydantic then builds each type's schema on its first use, from those names.
Every module importing aiogram in this project imports `bot.telegram` before it.
"""
from __future__ import annotations

import sys


def _lazy_aiogram_types() -> None:
    if "aiogram" in sys.modules:  # too late (or already done): aiogram stays as it is
        return
    from typing import List, Literal, Optional, Union

    from pydantic import BaseModel
    from pydantic._internal._model_construction import unpack_lenient_weakvaluedict

    original = BaseModel.__dict__["model_rebuild"]

    def remember(namespace: dict, model: type) -> None:
        known = unpack_lenient_weakvaluedict(model.__pydantic_parent_namespace__) or {}
        model.__pydantic_parent_namespace__ = {**namespace, **known}

    def deferred(cls, *, force=False, raise_errors=True, _parent_namespace_depth=2, _types_namespace=None):
        if _types_namespace is not None and not force and cls.__module__.startswith("aiogram.") and not cls.__pydantic_complete__:
            remember(_types_namespace, cls)
            return None
        return original.__func__(cls, force=force, raise_errors=raise_errors,
                                 _parent_namespace_depth=_parent_namespace_depth, _types_namespace=_types_namespace)

    BaseModel.model_rebuild = classmethod(deferred)
    try:
        import aiogram.types
    finally:
        BaseModel.model_rebuild = original
    import aiogram.methods
    from aiogram.client.default import Default

    # The methods (SendMessage…) and the other aiogram models refer to the types by name too.
    namespace = {name: getattr(aiogram.types, name) for name in aiogram.types.__all__}
    namespace.update(List=list, Optional=Optional, Union=Union, Literal=Literal, Default=Default)
    # Models made later (aiogram's Response[list[Update]] generics…) resolve names in their module.
    for name, module in list(sys.modules.items()):
        if name.startswith("aiogram.") and module is not None:
            for key, value in namespace.items():
                module.__dict__.setdefault(key, value)
    pending = [BaseModel]
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if model.__module__.startswith("aiogram.") and not model.__pydantic_complete__:
            remember(namespace, model)


def _apply(patch) -> None:
    """Both patches are optimisations that lean on pydantic/aiogram internals (versions pinned in
    pyproject.toml). Should an upgrade change those internals, the bot runs unpatched, only slower."""
    try:
        patch()
    except (ImportError, AttributeError, TypeError) as error:
        import logging

        logging.getLogger("bot").warning("start-up optimisation %s skipped: %s", patch.__name__, error)


_apply(_lazy_aiogram_types)


def _keep_response_models() -> None:
    """aiogram parses every Bot API answer with `Response[method.__returning__]`. pydantic keeps
    parametrised generics only weakly, so the class is collected and rebuilt (schema and all,
    4-6 ms) again and again: that alone capped the bot at ~200 replies/s. Keep each one."""
    from aiogram.methods.base import Response

    if getattr(Response, "_yibao_kept", None) is not None:
        return
    parametrise = Response.__class_getitem__.__func__
    kept: dict = {}

    def class_getitem(cls, item):
        if cls is not Response:
            return parametrise(cls, item)
        try:
            return kept[item]
        except KeyError:
            model = kept[item] = parametrise(cls, item)
            return model
        except TypeError:  # an unhashable parameter: as aiogram would
            return parametrise(cls, item)

    Response.__class_getitem__ = classmethod(class_getitem)
    Response._yibao_kept = kept


_apply(_keep_response_models)
