"""The web app and JSON API over a newsfuse store: ``newsfuse serve``.

::

    app = create_app("newsfuse.db")   # an ASGI app: uvicorn.run(app)
"""

from newsfuse.web.app import create_app

__all__ = ["create_app"]
