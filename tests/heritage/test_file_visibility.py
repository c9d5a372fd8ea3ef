"""Files follow the records that use them: one used only by internal or unpublished records is
served only to those who may see those records; anything else stays public.

Runs on both profiles: local files in the embedded one, S3 (S3Proxy) in the services one.
"""

import urllib.error
import urllib.request
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.views.serve import generate_image_url

from heritage.files import media_served_locally
from heritage.models import MonumentGalleryImage, RestorationDocument, RestorationImage
from tests.factories import make_image, make_record

ROLES = ["anonymous", "member", "restorer", "curator"]
SECRET = b"Internal survey: structural cracks in the east gate beam."


@pytest.fixture(autouse=True)
def _fresh_renditions_cache():
    """Wagtail caches renditions by image id, which the rollback of an earlier test reuses."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def member(django_user_model):
    """Signed in, in no group."""
    return django_user_model.objects.create_user(username="member", password="pw")


@pytest.fixture
def as_role(client, member, restorer, curator):
    users = {"anonymous": None, "member": member, "restorer": restorer, "curator": curator}

    def login(role):
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        return client

    return login


def make_document(content: bytes = SECRET) -> Document:
    return Document.objects.create(title="Survey", file=ContentFile(content, name="survey.txt"))


def attach_document(record, document):
    RestorationDocument.objects.create(record=record, document=document)


def attach_image(record, image, phase="before"):
    RestorationImage.objects.create(record=record, image=image, phase=phase)


def download(client, url):
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def assert_refused(role, response):
    if role == "anonymous":  # asked to sign in
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    else:  # a signed-in user without access learns nothing
        assert response.status_code == 404


# --- Documents -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("record_state", ["internal", "unpublished"])
def test_a_document_only_an_internal_or_unpublished_record_uses_is_for_staff_only(as_role, ngo_mon, role, record_state):
    if record_state == "internal":
        record = make_record(ngo_mon, visibility="internal")
    else:
        record = make_record(ngo_mon, visibility="public", publish=False)
    document = make_document()
    attach_document(record, document)

    response, body = download(as_role(role), document.url)

    if role in ("restorer", "curator"):
        assert response.status_code == 200
        assert body == SECRET
        assert "no-store" in response["Cache-Control"]
    else:
        assert_refused(role, response)
        assert SECRET not in body


@pytest.mark.parametrize("role", ROLES)
def test_a_document_a_public_record_uses_as_well_stays_public(as_role, ngo_mon, role):
    document = make_document()
    attach_document(make_record(ngo_mon, visibility="internal"), document)
    attach_document(make_record(ngo_mon, visibility="public"), document)

    response, body = download(as_role(role), document.url)

    assert response.status_code == 200
    assert body == SECRET


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_a_document_no_record_uses_stays_public(as_role, role):
    document = make_document()
    response, body = download(as_role(role), document.url)
    assert response.status_code == 200
    assert body == SECRET


def test_unpublishing_the_only_public_record_makes_its_document_private(client, ngo_mon):
    record = make_record(ngo_mon, visibility="public")
    document = make_document()
    attach_document(record, document)
    assert client.get(document.url).status_code == 200

    record.unpublish()

    assert_refused("anonymous", client.get(document.url))


# --- Images on local files: originals and renditions under MEDIA_URL -------------------------

local_files_only = pytest.mark.skipif(
    not media_served_locally(), reason="the services profile stores media on S3: see the S3 tests below"
)


@local_files_only
@pytest.mark.parametrize("role", ROLES)
def test_an_image_only_an_internal_record_uses_is_served_to_staff_only(as_role, ngo_mon, role):
    image = make_image()
    attach_image(make_record(ngo_mon, visibility="internal"), image)
    rendition = image.get_rendition("fill-120x90|format-webp")

    for url in (image.file.url, rendition.url):
        response, body = download(as_role(role), url)
        if role in ("restorer", "curator"):
            assert response.status_code == 200, url
            assert body == image.file.storage.open(urlsplit(url).path.split("/media/", 1)[1]).read()
            assert "no-store" in response["Cache-Control"]
        else:
            assert_refused(role, response)


@local_files_only
def test_an_image_a_page_gallery_uses_as_well_stays_public_and_cacheable(client, ngo_mon):
    image = make_image()
    attach_image(make_record(ngo_mon, visibility="internal"), image)
    page = ngo_mon.get_latest_revision_as_object()
    page.gallery_images.add(MonumentGalleryImage(image=image))
    page.save_revision().publish()

    response, _ = download(client, image.file.url)

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


@local_files_only
def test_a_file_in_media_that_no_document_or_image_owns_is_not_served(client, ngo_mon):
    from django.core.files.storage import default_storage

    name = default_storage.save("original_images/stray.txt", ContentFile(b"stray"))
    assert client.get(f"/media/{name}").status_code == 404


def test_the_dynamic_image_url_of_an_internal_image_is_refused_to_the_public(as_role, ngo_mon):
    image = make_image()
    attach_image(make_record(ngo_mon, visibility="internal"), image)
    url = generate_image_url(image, "fill-120x90")

    assert_refused("anonymous", as_role("anonymous").get(url))
    assert as_role("restorer").get(url).status_code == 200


# --- Images on S3: a private bucket, signed short-lived URLs --------------------------------


@pytest.mark.needs("s3")
def test_on_s3_an_internal_image_is_reachable_only_through_a_signed_url(ngo_mon):
    image = make_image()
    attach_image(make_record(ngo_mon, visibility="internal"), image)
    signed = image.file.url
    unsigned = urlunsplit(urlsplit(signed)._replace(query=""))

    with urllib.request.urlopen(signed, timeout=10) as response:
        assert response.status == 200
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(unsigned, timeout=10)
    assert refused.value.code == 403


def test_deploy_check_warns_when_s3_urls_are_unsigned(settings):
    from heritage.checks import restricted_files_need_signed_urls

    settings.AWS_STORAGE_BUCKET_NAME = "heritage-media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "x", "OPTIONS": {"querystring_auth": False}}}
    assert [w.id for w in restricted_files_need_signed_urls(None)] == ["heritage.W001"]

    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "x", "OPTIONS": {"querystring_auth": True}}}
    assert restricted_files_need_signed_urls(None) == []


# --- Files attached only in an unpublished draft ---------------------------------------------


def draft_attach(record, *, document=None, image=None):
    """Save a draft of `record` (a new revision, not published) that attaches these files."""
    draft = record.get_latest_revision_as_object()
    if document is not None:
        draft.documents.add(RestorationDocument(document=document))
    if image is not None:
        draft.images.add(RestorationImage(image=image, phase="during"))
    draft.save_revision()
    record.refresh_from_db()
    return record


@pytest.mark.parametrize("role", ROLES)
def test_a_document_attached_only_in_the_draft_of_a_public_record_is_for_those_who_may_open_records(
    as_role, ngo_mon, role
):
    record = make_record(ngo_mon, visibility="public")
    document = make_document()
    draft_attach(record, document=document)

    response, body = download(as_role(role), document.url)

    if role in ("restorer", "curator"):  # both may open records in the admin
        assert response.status_code == 200
        assert body == SECRET
        assert "no-store" in response["Cache-Control"]
    else:
        assert_refused(role, response)
        assert SECRET not in body


def test_publishing_the_draft_makes_its_new_document_public(client, ngo_mon):
    record = make_record(ngo_mon, visibility="public")
    document = make_document()
    draft_attach(record, document=document)
    assert_refused("anonymous", client.get(document.url))

    record.latest_revision.publish()

    response, body = download(client, document.url)
    assert response.status_code == 200
    assert body == SECRET


def test_a_document_removed_in_a_draft_stays_public_while_the_published_record_has_it(client, ngo_mon):
    record = make_record(ngo_mon, visibility="public")
    document = make_document()
    attach_document(record, document)
    draft = record.get_latest_revision_as_object()
    draft.documents.set([])
    draft.save_revision()

    response, body = download(client, document.url)
    assert response.status_code == 200
    assert body == SECRET


def test_an_image_attached_only_in_the_draft_of_an_internal_record_is_refused_to_the_public(as_role, ngo_mon):
    record = make_record(ngo_mon, visibility="internal")
    image = make_image()
    draft_attach(record, image=image)
    url = generate_image_url(image, "fill-120x90")

    assert_refused("anonymous", as_role("anonymous").get(url))
    assert_refused("member", as_role("member").get(url))
    assert as_role("curator").get(url).status_code == 200


# --- S3 object ACLs: public files public-read and cacheable, restricted ones private ---------


def object_url(name):
    """The bucket's plain URL of a stored file, as anyone could write it: no signature."""
    from django.core.files.storage import default_storage

    return default_storage.public_url(name)


def fetch(url):
    """GET `url` with no credentials at all, as a browser or a CDN would: (status, headers, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def is_public(name):
    """The object's ACL, read back from the bucket."""
    from django.core.files.storage import default_storage

    return default_storage.is_public(name)


def signed(url):
    return "X-Amz-Signature=" in url


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the commit callbacks (where the ACLs are set) of what the block does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.mark.needs("s3")
def test_on_s3_a_public_image_is_public_read_with_plain_cacheable_urls(ngo_mon, committed):
    with committed():
        image = make_image()
        attach_image(make_record(ngo_mon, visibility="public"), image)
    rendition = image.get_rendition("fill-120x90|format-webp")
    image.refresh_from_db()

    assert is_public(image.file.name) and is_public(rendition.file.name)
    url = image.get_rendition("fill-120x90|format-webp").url  # what a page shows
    assert not signed(url)
    status, headers, body = fetch(url)
    assert status == 200
    assert body == rendition.file.storage.open(rendition.file.name).read()
    assert headers["Cache-Control"] == f"public, max-age={settings.AWS_PUBLIC_MAX_AGE}"


@pytest.mark.needs("s3")
@pytest.mark.parametrize("role", ROLES)
def test_on_s3_an_internal_image_is_private_and_reached_through_the_site_then_a_signed_url(
    as_role, ngo_mon, committed, role
):
    with committed():
        image = make_image()
        attach_image(make_record(ngo_mon, visibility="internal"), image)
    rendition = image.get_rendition("fill-120x90|format-webp")
    image.refresh_from_db()

    assert not is_public(image.file.name) and not is_public(rendition.file.name)
    for name in (image.file.name, rendition.file.name):
        assert fetch(object_url(name))[0] == 403  # the bucket refuses the plain URL

    url = image.get_rendition("fill-120x90|format-webp").url  # what a page shows: the site's view
    assert url.startswith(settings.MEDIA_URL)
    response = as_role(role).get(url)
    if role in ("restorer", "curator"):
        assert response.status_code == 302
        assert "no-store" in response["Cache-Control"]
        assert signed(response["Location"])
        status, headers, body = fetch(response["Location"])
        assert status == 200
        assert body == rendition.file.storage.open(rendition.file.name).read()
        assert headers["Cache-Control"] == "private, no-store"
    else:
        assert_refused(role, response)


@pytest.mark.needs("s3")
def test_on_s3_a_signed_url_expires(ngo_mon, settings, committed):
    from django.core.files.storage import default_storage

    with committed():
        image = make_image()
        attach_image(make_record(ngo_mon, visibility="internal"), image)
    default_storage.querystring_expire = 1
    try:
        url = default_storage.signed_url(image.file.name)
    finally:
        default_storage.querystring_expire = settings.AWS_SIGNED_URL_SECONDS
    assert "X-Amz-Expires=1&" in url
    import time

    time.sleep(2.5)
    assert fetch(url)[0] == 403


@pytest.mark.needs("s3")
def test_on_s3_the_acls_follow_publication_and_attachment(ngo_mon, committed):
    with committed():
        record = make_record(ngo_mon, visibility="public")
        image = make_image()
        document = make_document()
    rendition = image.get_rendition("fill-120x90")
    names = [image.file.name, rendition.file.name, document.file.name]
    assert [is_public(name) for name in names] == [True, True, True]  # used by nothing: public

    with committed():
        other = make_record(ngo_mon, visibility="internal")
        attach_image(other, image)
        attach_document(other, document)
    assert [is_public(name) for name in names] == [False, False, False]
    assert fetch(object_url(document.file.name))[0] == 403

    with committed():
        attach_image(record, image)
        attach_document(record, document)
    assert [is_public(name) for name in names] == [True, True, True]
    assert fetch(object_url(document.file.name))[0] == 200

    with committed():
        record.unpublish()
    assert [is_public(name) for name in names] == [False, False, False]

    with committed():
        record.save_revision().publish()
    assert [is_public(name) for name in names] == [True, True, True]

    with committed():
        RestorationImage.objects.filter(record=record).delete()
        RestorationDocument.objects.filter(record=record).delete()
    assert [is_public(name) for name in names] == [False, False, False]


@pytest.mark.needs("s3")
def test_on_s3_a_file_attached_only_in_a_draft_is_private_until_the_draft_is_published(ngo_mon, committed):
    with committed():
        record = make_record(ngo_mon, visibility="public")
        image = make_image()
    assert is_public(image.file.name)

    with committed():
        draft_attach(record, image=image)
    assert not is_public(image.file.name)

    with committed():
        record.latest_revision.publish()
    assert is_public(image.file.name)


@pytest.mark.needs("s3")
def test_file_acls_command_sets_every_acl_and_fails_loudly(ngo_mon, committed):
    from io import StringIO

    from django.core.files.storage import default_storage
    from django.core.management import CommandError, call_command

    image = make_image()  # no commit: the ACLs were never set
    attach_image(make_record(ngo_mon, visibility="public"), image)
    rendition = image.get_rendition("fill-120x90")
    document = make_document()
    attach_document(make_record(ngo_mon, visibility="internal"), document)
    default_storage.set_public(document.file.name, True)  # wrong, as after a restore

    out = StringIO()
    call_command("file_acls", stdout=out, stderr=StringIO())

    assert out.getvalue().strip().endswith("public, 1 private, 0 failed")
    assert is_public(image.file.name) and is_public(rendition.file.name)
    assert not is_public(document.file.name)

    default_storage.delete(document.file.name)  # gone from the bucket behind the site's back
    errors = StringIO()
    with pytest.raises(CommandError, match="1 failed"):
        call_command("file_acls", stdout=StringIO(), stderr=errors)
    assert f"document {document.pk}" in errors.getvalue()
