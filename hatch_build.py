"""The wheel's build hook: ship the bundled articles and status rules already read.

It reads them with the code the wheel ships, so it needs the reader's own dependencies
(declared as the hook's in pyproject.toml). An article that cannot be read fails the build:
a wheel should not ship a seed the dashboard would reject.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ShippedParse(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, self.root)
        saved = os.environ.get("MISSION_CONTROL_NO_CACHE")
        os.environ["MISSION_CONTROL_NO_CACHE"] = "1"  # nothing of the build in the user's cache
        try:
            from mission_control import catalog, paths

            self._folder = tempfile.TemporaryDirectory()
            target = Path(self._folder.name) / paths.SHIPPED_FILE
            count = catalog.write_shipped(target)
        finally:
            sys.path.remove(self.root)
            if saved is None:
                os.environ.pop("MISSION_CONTROL_NO_CACHE", None)
            else:
                os.environ["MISSION_CONTROL_NO_CACHE"] = saved
        self.app.display_info(f"shipping {count} parsed sources")
        build_data["force_include"][str(target)] = f"mission_control/_data/{paths.SHIPPED_FILE}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
