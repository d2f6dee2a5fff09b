from flask import render_template

from ..access import Permission, require
from . import bp, health


@bp.get("/health")
def health_page():
    require(Permission.ADMIN_AREA)
    return render_template("administration/health.html", health=health.check())
