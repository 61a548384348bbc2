# ruff: noqa
import logging

logger = logging.getLogger(__name__)
security_log = logging.getLogger("emalu.security")


def work(subject, data, email, ticket):
    # ruleid: emalu-personal-data-in-logs
    logger.info("consent granted for %s", subject.email)
    # ruleid: emalu-personal-data-in-logs
    logger.warning(f"request from {subject.full_name}")
    # ruleid: emalu-personal-data-in-logs
    security_log.warning("rate limit for %s", data["phone"])
    # ruleid: emalu-personal-data-in-logs
    logger.error("bad birth date %s", data.get("birth_date"))
    # ruleid: emalu-personal-data-in-logs
    logger.info("mail to %s bounced", email)
    # ruleid: emalu-personal-data-in-logs
    logging.info("subject %s", subject, extra={"email": subject.email})
    # ok: emalu-personal-data-in-logs
    logger.info("consent granted for subject %s", subject.pk)
    # ok: emalu-personal-data-in-logs
    logger.warning("request %s is overdue", ticket.reference)
    # ok: emalu-personal-data-in-logs
    print(subject.email)
