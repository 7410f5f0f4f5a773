"""`sitrep serve`: the situation record as web pages and a JSON API, served locally.

The app reads only through the store (``Store`` and ``store.web_reads``) and adds articles
through the pipeline (``ingest.whole_articles.read_article``, ``pipeline.store_articles``):

- ``app``: ``create_app`` (routes, guards, error pages); ``serve``: uvicorn, `sitrep serve`
- ``site``: the views; ``pages``, ``crosssource``: what each view reads
- ``params``, ``forms``: query parameters, pages of rows, filter forms
- ``add``: adding an article; ``db``: borrowing the file between `sitrep run`'s writes
- ``hosts``: which hosts and requests are served; ``html``: escaping untrusted text
- ``templates/``, ``static/``: the pages and their style
"""
