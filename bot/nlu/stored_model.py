"""What the project's trained NLU components share: a model trained at `rasa train`, kept in the Rasa model archive
(Rasa's model storage) as one joblib file, and a component that still serves, with no model, when the archive lacks
it."""

from __future__ import annotations

import logging
from typing import Any, ClassVar, Generic, TypeVar

import joblib
from rasa.engine.graph import GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from typing_extensions import Self

logger = logging.getLogger(__name__)

Model = TypeVar("Model")


class StoredModelComponent(GraphComponent, Generic[Model]):
    """A graph component whose trained model is `self.model` (None until trained, or when the archive lacks it)."""

    # The model's file name inside the component's resource, and what to log when a loaded archive has none.
    model_file: ClassVar[str]
    without_model: ClassVar[str]

    def __init__(
        self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, model: Model | None
    ) -> None:
        self.config = config
        self.model_storage = model_storage
        self.resource = resource
        self.model = model

    @classmethod
    def create(cls, *args: Any, **kwargs: Any) -> Self:
        """Rasa's create, called with keywords: config, model_storage, resource, execution_context (unused)."""
        return cls(kwargs["config"], kwargs["model_storage"], kwargs["resource"], None)

    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> Self:
        """Rasa's load, called with the same keywords as create: the component with the model its resource holds."""
        component = cls.create(*args, **kwargs)
        try:
            with component.model_storage.read_from(component.resource) as directory:
                component.model = joblib.load(directory / cls.model_file)
        except (ValueError, OSError):
            logger.warning(cls.without_model)
        return component

    def store(self, model: Model) -> Resource:
        """Keep the trained model as this component's resource (what `train` returns)."""
        self.model = model
        with self.model_storage.write_to(self.resource) as directory:
            joblib.dump(model, directory / self.model_file)
        return self.resource
