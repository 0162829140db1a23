"""Writes a Lambda zip holding one file, `bootstrap`, deterministically.

Fixed timestamp, fixed permissions (0755, regular file, Unix), fixed
compression level and no extra fields: the same binary always gives the
same zip bytes. The zip is written beside its target and renamed into place.

Usage: python3 zip_bootstrap.py BINARY ZIP
"""

import os
import sys
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def main(binary: str, target: str) -> None:
    with open(binary, "rb") as f:
        data = f.read()
    info = zipfile.ZipInfo("bootstrap", date_time=FIXED_TIME)
    info.create_system = 3  # Unix, so the permissions below are honoured
    info.external_attr = (0o100755 & 0xFFFF) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    temporary = f"{target}.{os.getpid()}.tmp"
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            archive.writestr(info, data, compresslevel=9)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: zip_bootstrap.py BINARY ZIP")
    main(sys.argv[1], sys.argv[2])
