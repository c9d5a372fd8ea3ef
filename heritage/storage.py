"""The S3 media storage: public files as public, cacheable objects; restricted ones private.

Every object is uploaded private (the bucket's default: no ACL is sent) with the Cache-Control
of a public file (`AWS_PUBLIC_MAX_AGE`). `heritage.file_acls` then gives the objects of public
files (by `heritage.visibility.file_access` for the public) the `public-read` ACL and turns it
back to `private` when the files become restricted. URLs:

- `public_url`: plain and unsigned (through `AWS_S3_CUSTOM_DOMAIN` when set), for public files;
  browsers and CDNs may keep them for `AWS_PUBLIC_MAX_AGE` seconds.
- `signed_url`: signed for `AWS_SIGNED_URL_SECONDS` and answered with `Cache-Control: private,
  no-store`, whatever the object says; the site's serving views redirect to it once they have
  checked the visibility rule.
- `url` (what Django and Wagtail ask for when they do not know whose file it is, such as
  original images in the admin): signed likewise, unless AWS_QUERYSTRING_AUTH is off.
"""

from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

PUBLIC_READ = "public-read"
PRIVATE = "private"
PRIVATE_CACHE_CONTROL = "private, no-store"


class MediaStorage(S3Storage):
    def _key(self, name: str) -> str:
        return self._normalize_name(clean_name(name))

    def signed_url(self, name: str) -> str:
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self.bucket_name, "Key": self._key(name), "ResponseCacheControl": PRIVATE_CACHE_CONTROL},
            ExpiresIn=self.querystring_expire,
        )

    def public_url(self, name: str) -> str:
        key = self._key(name)
        if self.custom_domain:
            return f"{self.url_protocol}//{self.custom_domain}/{filepath_to_uri(key)}"
        return self.unsigned_connection.meta.client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket_name, "Key": key}
        )

    def url(self, name, parameters=None, expire=None, http_method=None):
        if self.querystring_auth and not parameters and expire is None and http_method is None:
            return self.signed_url(name)
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)

    def set_public(self, name: str, public: bool) -> None:
        """Give the object the `public-read` or the `private` canned ACL."""
        self.connection.meta.client.put_object_acl(
            Bucket=self.bucket_name, Key=self._key(name), ACL=PUBLIC_READ if public else PRIVATE
        )

    def is_public(self, name: str) -> bool:
        """Whether the object's ACL lets everyone read it (read back from the bucket)."""
        grants = self.connection.meta.client.get_object_acl(Bucket=self.bucket_name, Key=self._key(name))["Grants"]
        everyone = [grant for grant in grants if grant["Grantee"].get("URI", "").endswith("/global/AllUsers")]
        return any(grant["Permission"] in {"READ", "FULL_CONTROL"} for grant in everyone)


def acls_supported(storage) -> bool:
    """Whether `storage` keeps files as objects with ACLs (the S3 media storage), not on local disk."""
    return hasattr(storage, "set_public")
