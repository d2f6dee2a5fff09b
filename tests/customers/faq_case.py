"""A realistic solved private case: a router problem full of the customer's details."""

from dataclasses import dataclass

from forum import outbox
from forum.customers import faq
from forum.extensions import db
from forum.models import CustomerVerification, Post, Thread
from forum.posts import services as posts
from forum.support import services as support

from ..factories import make_user

QUESTION = """Hallo Frau Petra,

wie am Telefon besprochen: seit dem Gewitter blinkt meine Fritz!Box 7590 rot und schafft nur
noch 16 statt 100 Mbit/s, im Protokoll steht Fehler 651. Hier alles, was Sie brauchen:
Kundennummer 123456789, Vertragsnummer V-2025-778812, Bestellnummer 4711-0815 (Ersatzgerät),
Seriennummer S/N: 2234A1B2C3D4, MAC 3C:A6:2F:12:34:56. Abgebucht wird von der
IBAN DE89 3704 0044 0532 0130 00, die alte IBAN endet auf 4711. Geboren bin ich, falls
nötig, geboren am 12.03.1978. Sie erreichen mich unter Tel. 0171 2345678 oder im Büro unter
+49 30 1234567, per Mail an petra.mueller@example.de. Der Techniker soll in die
Musterstraße 12, 10115 Berlin kommen. Die Hotline 0800 3301000 konnte nicht helfen.

Viele Grüße
Petra Müller"""

ANSWER = """Hallo Frau Müller,

nach dem Gewitter war der Port in der Vermittlungsstelle gestört. Wir haben ihn neu
geschaltet; starten Sie die Fritz!Box 7590 einmal neu, dann synchronisiert sie wieder mit
100 Mbit/s.

Viele Grüße, Jana Becker"""

SECRETS = [
    "Petra",
    "Müller",
    "Mueller",
    "123456789",
    "V-2025-778812",
    "4711-0815",
    "2234A1B2C3D4",
    "3C:A6:2F:12:34:56",
    "DE89 3704 0044 0532 0130 00",
    "endet auf 4711",
    "12.03.1978",
    "0171 2345678",
    "+49 30 1234567",
    "petra.mueller@example.de",
    "Musterstraße 12",
    "10115 Berlin",
    "Jana Becker",
]


@dataclass
class SolvedCase:
    case: Thread
    customer: object
    answerer: object  # the staff member who solved it


def solved_case(forum) -> SolvedCase:
    """Petra's case in the small forum's support board, solved by Jana Becker; the
    forum's staff member (`forum.staff`) makes the FAQ from it."""
    customer = make_user("petra.m", display_name="Petra Müller", email="petra.mueller@example.de")
    db.session.add(
        CustomerVerification(user_id=customer.id, customer_number="123456789", method="staff")
    )
    answerer = make_user("jana.becker", staff=True, display_name="Jana Becker")
    case = posts.create_thread(
        customer,
        forum.board,
        "Petra Müller: Router blinkt rot nach Gewitter",
        QUESTION,
        private=True,
    )
    answer = posts.reply(answerer, case, ANSWER)
    support.mark_solution(customer, case, answer)
    outbox.drain()
    return SolvedCase(case=case, customer=customer, answerer=answerer)


def published_faq(forum, solved: SolvedCase) -> Thread:
    draft = faq.draft_faq(forum.staff, solved.case)
    faq.publish_draft(forum.staff, draft, faq.fingerprint(draft))
    outbox.drain()
    return draft


def first_post(thread: Thread) -> Post:
    return db.session.get(Post, thread.first_post_id)
