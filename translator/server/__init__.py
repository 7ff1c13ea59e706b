"""The HTTP API (`translator serve`): LibreTranslate's endpoints and ours, a thin edge over the pipeline.

Only this package imports Starlette; the command line imports it when `serve` runs.
"""
