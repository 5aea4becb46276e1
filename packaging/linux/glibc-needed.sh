#!/usr/bin/env bash
# The newest glibc symbol version any binary in a built app asks for: the app runs on that glibc and newer only.
#
#   packaging/linux/glibc-needed.sh APP_FOLDER [MAX]    # prints e.g. 2.34; with MAX, exits 1 if it needs more
#
# packaging/build.sh runs it (MAX from MAX_GLIBC); CI builds on AlmaLinux 9 with MAX=2.34 (RHEL 9, Ubuntu 22.04).
set -euo pipefail
app=$1
max=${2:-}
needed=$(find "$app" -type f \( -name '*.so*' -o -perm -u+x \) -exec grep -aoh 'GLIBC_2\.[0-9]*' {} + 2>/dev/null |
    sed 's/GLIBC_//' | sort -t. -k2,2n -u | tail -1)
[ -n "$needed" ] || { echo "glibc-needed: no binary in $app asks for glibc" >&2; exit 1; }
echo "$needed"
if [ -n "$max" ] && [ "$(printf '%s\n%s\n' "$needed" "$max" | sort -t. -k2,2n | tail -1)" != "$max" ]; then
    echo "glibc-needed: $app needs glibc $needed, newer than $max" >&2
    exit 1
fi
