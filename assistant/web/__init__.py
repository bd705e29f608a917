"""The web front ends: the shopper chat widget (`/`) and the staff console (`/staff`).

Both are thin Gradio views over one `Assistant`. `create_app(bot)` in `assistant.web.server` builds
the ASGI app; `python app.py` serves it. Importing this package does not import Gradio.
"""
