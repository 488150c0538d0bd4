"""The command line: a thin layer over the library. Each command group lives in its own module."""

from __future__ import annotations

import click

from .. import __version__
from .process import process_cmd
from .scale import scale_cmd
from .serve import serve_cmd
from .store import dedup_cmd, events_cmd, export_cmd, ingest_cmd, search_cmd, show_cmd, stats_cmd
from .timeline import timeline_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """dateline: turn raw news pages into structured, searchable facts."""


main.add_command(process_cmd)
main.add_command(serve_cmd)
main.add_command(ingest_cmd)
main.add_command(search_cmd)
main.add_command(events_cmd)
main.add_command(show_cmd)
main.add_command(export_cmd)
main.add_command(dedup_cmd)
main.add_command(stats_cmd)
main.add_command(timeline_cmd)
main.add_command(scale_cmd)


if __name__ == "__main__":
    main()
