"""The Spark job's input files: local paths, or URLs of any filesystem Spark reads.

A local path (file or folder) is listed and read as by ``newsfuse brief``. A URL with a scheme
(``hdfs://``, ``s3a://``, ``file://`` ...; a glob is allowed) is listed on the driver through
Hadoop's FileSystem, the way Spark itself lists input, and each file is read on an executor
from the bytes Spark hands it (``binaryFiles``), through the same readers: the bytes go to a
temporary file of the same name, so document ids equal those of a local run; the documents'
sources name the URL.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.errors import InputError
from newsfuse.types import RawDocument

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True)
class InputFile:
    """One input file: its path or URL, and a checkpoint key from its name, size and time."""

    name: str
    key: str
    remote: bool = False


def is_url(text: str) -> bool:
    """True for ``scheme://...`` (a Windows drive letter is not a scheme: it has no ``//``)."""
    return bool(_SCHEME.match(text))


def list_inputs(spark: Any, inputs: Sequence[str | Path]) -> list[InputFile]:
    """Every input file, in a stable order. Raises InputError for a path or URL that names
    nothing."""
    from newsfuse.ingest.files import list_files

    found: list[InputFile] = []
    for raw in inputs:
        text = str(raw)
        if is_url(text):
            found.extend(_remote_files(spark, text))
            continue
        for path in list_files([text]):
            stat = path.stat()
            found.append(
                InputFile(str(path), _key(str(path.resolve()), stat.st_size, stat.st_mtime_ns))
            )
    return found


def _key(name: str, size: int, time: int) -> str:
    return hashlib.sha1(f"{name}|{size}|{time}".encode()).hexdigest()[:16]


def _remote_files(spark: Any, url: str) -> list[InputFile]:
    """The files a URL names (a file, a folder read recursively, or a glob), via Hadoop."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    try:
        path = jvm.org.apache.hadoop.fs.Path(url)
        system = path.getFileSystem(conf)
        statuses = system.globStatus(path)
    except Exception as error:  # py4j wraps every Java exception in its own type
        raise InputError(f"{url}: cannot list it: {_java_message(error)}") from None
    if not statuses:
        raise InputError(f"{url}: no such file or folder")
    files: list[InputFile] = []
    for status in statuses:
        if status.isDirectory():
            listing = system.listFiles(status.getPath(), True)
            while listing.hasNext():
                files.append(_remote(listing.next()))
        else:
            files.append(_remote(status))
    return sorted(files, key=lambda item: item.name)


def _remote(status: Any) -> InputFile:
    name = status.getPath().toString()
    return InputFile(name, _key(name, status.getLen(), status.getModificationTime()), True)


def _java_message(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return next((line.split(": ", 1)[-1] for line in lines if "Exception" in line), lines[0])[:200]


def read_remote(
    name: str, data: bytes, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[RawDocument]:
    """The documents of a remote file, given its bytes: read from a temporary file of the
    same name, their sources naming ``name``."""
    from newsfuse.ingest.files import read_file

    base = name.rstrip("/").rsplit("/", 1)[-1] or "input"
    with tempfile.TemporaryDirectory(prefix="newsfuse-spark-") as folder:
        local = Path(folder) / base
        local.write_bytes(data)
        prefix = str(local)
        for raw in read_file(local, settings):
            source = name + raw.source[len(prefix) :] if raw.source.startswith(prefix) else name
            yield replace(raw, source=source)
