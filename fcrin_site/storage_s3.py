"""Renditions in S3-compatible object storage; imported only when production names a bucket (django-storages)."""

from storages.backends.s3 import S3Storage

from fcrin_site.storage import RandomNameMixin


class S3RenditionStorage(RandomNameMixin, S3Storage):
    pass
