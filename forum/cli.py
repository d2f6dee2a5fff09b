"""`flask forum ...`: administration from the command line."""

import click
from flask import current_app, url_for
from flask.cli import AppGroup

from .auth import services as auth_services
from .boards import services as board_services
from .customers import signing
from .models import PostingPolicy, Visibility
from .staff import services as staff_services

forum_cli = AppGroup("forum", help="Kundenforum administration.")

# How often the worker makes sure the search index is readable (and rebuilds it if not).
HEALTH_CHECK_SECONDS = 30


@forum_cli.command("create-admin")
@click.argument("username")
@click.argument("email")
@click.password_option(help="Asked for when not given.")
def create_admin(username: str, email: str, password: str) -> None:
    """Create an administrator account."""
    try:
        user = auth_services.create_admin(username, email, password)
    except auth_services.AccountTaken as taken:
        raise click.ClickException(f"That {taken.field} is already taken.") from None
    except auth_services.Unacceptable as problem:
        raise click.ClickException(str(problem)) from None
    click.echo(f"Admin account '{user.username}' created.")


@forum_cli.command("create-board")
@click.argument("category")
@click.argument("name")
@click.option("--description", default="")
@click.option("--slug", help="URL name; made from NAME when not given.")
@click.option(
    "--visibility",
    type=click.Choice([v.value for v in Visibility]),
    default=Visibility.PUBLIC.value,
)
@click.option(
    "--posting",
    type=click.Choice([p.value for p in PostingPolicy]),
    default=PostingPolicy.MEMBERS.value,
    help="Who may start threads.",
)
@click.option("--support/--no-support", default=True, help="Whether threads are questions.")
def create_board(category, name, description, slug, visibility, posting, support) -> None:
    """Add a board (and its category, if new)."""
    try:
        board = board_services.create_board(
            category,
            name,
            description,
            Visibility(visibility),
            PostingPolicy(posting),
            support,
            slug,
        )
    except board_services.SlugTaken as taken:
        raise click.ClickException(f"A board with the URL name '{taken}' exists already.") from None
    click.echo(f"Board '{board.name}' created at /b/{board.slug}.")


def _account(username: str):
    user = auth_services.find_account(username)
    if user is None:
        raise click.ClickException(f"No account named '{username}'.")
    return user


def _admin(username: str):
    """Staff verification is recorded with the admin who made it."""
    admin = _account(username)
    if not admin.is_admin:
        raise click.ClickException(f"'{username}' is not an admin.")
    return admin


@forum_cli.command("verify-staff")
@click.argument("username")
@click.option("--title", required=True, help='Shown with the badge, e.g. "Kundenservice Internet".')
@click.option("--team", required=True, help='e.g. "Team Kundenservice".')
@click.option("--team-account", is_flag=True, help="A shared account, shown as the team.")
@click.option("--by", "admin_name", required=True, help="The admin who checked the employment.")
def verify_staff(username: str, title: str, team: str, team_account: bool, admin_name: str) -> None:
    """Verify an account as staff: its posts show the staff badge."""
    try:
        staff_services.verify_staff(
            _admin(admin_name), _account(username), title, team, team_account
        )
    except staff_services.AlreadyStaff:
        raise click.ClickException(f"'{username}' is verified staff already.") from None
    with current_app.test_request_context():
        path = url_for("moderation.name_imitations")
    click.echo(f"'{username}' is now verified staff ({title}, {team}).")
    click.echo(
        "Accounts whose names look like theirs are being looked for in the background; "
        f"moderators find them at {current_app.config['PUBLIC_BASE_URL']}{path}"
    )


@forum_cli.command("find-name-imitations")
def find_name_imitations() -> None:
    """List accounts whose names look like a current staff member's for the moderators.

    Verifying staff does this for the new staff member; run it once for staff verified
    before names were compared (it reads every account once)."""
    from .extensions import db
    from .staff import imitation

    found = imitation.find_imitations()
    db.session.commit()
    with current_app.test_request_context():
        path = url_for("moderation.name_imitations")
    click.echo(
        f"{len(found)} names look like a staff member's; moderators find them at "
        f"{current_app.config['PUBLIC_BASE_URL']}{path}"
    )


@forum_cli.command("revoke-staff")
@click.argument("username")
@click.option("--by", "admin_name", required=True, help="The admin who revokes it.")
def revoke_staff(username: str, admin_name: str) -> None:
    """End an account's staff verification; the badge disappears from all its posts."""
    try:
        staff_services.revoke_staff(_admin(admin_name), _account(username))
    except staff_services.NotStaff:
        raise click.ClickException(f"'{username}' is not verified staff.") from None
    click.echo(f"Staff verification of '{username}' revoked.")


@forum_cli.command("customer-link")
@click.argument("email")
@click.argument("customer_number")
@click.option("--days", default=3, show_default=True, help="How long the link stays valid.")
def customer_link(email: str, customer_number: str, days: int) -> None:
    """Print a verification link as the customer portal would send it."""
    secret = current_app.config.get("CUSTOMER_LINK_SECRET")
    if not secret:
        raise click.ClickException("Set FORUM_CUSTOMER_LINK_SECRET (shared with the portal).")
    query = signing.link_query(secret, customer_number, email, valid_seconds=days * 86400)
    with current_app.test_request_context():
        path = url_for("customers.verify_link")
    click.echo(f"{current_app.config['PUBLIC_BASE_URL']}{path}?{query}")


def _development_only() -> None:
    """Demo accounts have published passwords: never in a production database."""
    if not (current_app.config.get("DEVELOPMENT") or current_app.testing):
        raise click.ClickException(
            "Demo and bulk data are for development only: set FORUM_DEVELOPMENT=true."
        )


@forum_cli.command("seed-demo")
def seed_demo() -> None:
    """Build the German demo community once (does nothing if the forum has boards)."""
    from .demo import seed

    _development_only()
    created = seed.seed_demo()
    click.echo("Demo community created." if created else "Forum already has data; kept as it is.")
    if created:
        _rebuild_search_index(procs=1)
    for role, username, password in seed.DEMO_ACCOUNTS_PRINTABLE:
        click.echo(f"  {role:<28} {username:<12} {password}")


@forum_cli.command("seed")
@click.option("--posts", default=200_000, show_default=True, help="How many posts to add.")
@click.option("--posts-per-thread", default=10, show_default=True)
@click.option("--seed", "random_seed", default=1, show_default=True)
def seed_bulk(posts: int, posts_per_thread: int, random_seed: int) -> None:
    """Add a large synthetic forum quickly, for measurements."""
    from .demo import bulk

    _development_only()
    result = bulk.seed_bulk(posts, posts_per_thread, random_seed)
    click.echo(
        f"Added {result.threads} threads with {result.posts} posts "
        f"in {result.seconds:.1f} s ({result.posts / max(result.seconds, 0.001):.0f} posts/s)."
    )
    click.echo("They are not searchable yet: run `flask forum reindex` (takes a while).")


def _rebuild_search_index(procs: int) -> None:
    from .search.backend import backend

    result = backend().rebuild(procs=procs)
    if result is None:
        raise click.ClickException("Another rebuild of the search index is running.")
    click.echo(
        f"Search index rebuilt: {result['documents']} documents in {result['seconds']:.1f} s "
        f"({result['where']})."
    )


@forum_cli.command("reindex")
@click.option("--procs", default=2, show_default=True, help="Processes that analyse text (Whoosh).")
def reindex(procs: int) -> None:
    """Rebuild the search index from the database, whichever backend holds it.

    Whoosh: a new index is built and swapped in atomically; changes made meanwhile
    wait in the outbox and are applied to it afterwards. PostgreSQL: the search rows
    are rewritten in batches. Search keeps answering meanwhile in both."""
    _rebuild_search_index(procs)


@forum_cli.command("worker")
@click.option("--once", is_flag=True, help="Drain the outbox once and exit.")
@click.option("--interval", default=1.0, show_default=True, help="Seconds between polls.")
def worker(once: bool, interval: float) -> None:
    """Apply outbox tasks (search index, mail) as one separate process.

    Run exactly one per search index, with OUTBOX_DRAIN=worker in the web processes."""
    import time

    from flask import current_app

    from . import outbox
    from .extensions import db
    from .search.backend import backend
    from .settings import store

    last_check = 0.0
    while True:
        # Mails carry the forum's title and language: as admins last set them.
        store.refresh(current_app._get_current_object())
        done = outbox.drain()
        if once:
            click.echo(f"{done} tasks done.")
            return
        if time.monotonic() - last_check > HEALTH_CHECK_SECONDS:
            backend().check_health()
            last_check = time.monotonic()
        if not done:
            db.session.remove()
            time.sleep(interval)


def init_app(app) -> None:
    app.cli.add_command(forum_cli)
