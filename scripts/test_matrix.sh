#!/usr/bin/env bash
# Runs the test suite on QGIS 3.40 (Debian 13 "trixie") and QGIS 3.44 (trixie-backports)
# inside a Debian 13 chroot made with debootstrap. Needs root; installs debootstrap itself.
#
#   CHROOT   where the chroot lives (default /srv/chroots/trixie); reused when complete
#   MIRROR   Debian mirror (default: the first URIs: of this machine's debian.sources)
#
# The chroot is kept after the run (only its mounts are undone) so that the next run
# skips the bootstrap; it is left with QGIS 3.44 installed.
set -euo pipefail

CHROOT=${CHROOT:-/srv/chroots/trixie}
MIRROR=${MIRROR:-$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)}
REPO=$(cd "$(dirname "$0")/.." && pwd)
READY_BASE="$CHROOT/.base-installed"   # debootstrap + Debian packages done
READY_FLAG="$CHROOT/.ready"            # QGIS 3.44 installed (the chroot is left so)
QGIS_PACKAGES=(qgis python3-qgis qgis-providers)
PACKAGES="${QGIS_PACKAGES[*]} xvfb xauth python3-numpy python3-scipy python3-pandas python3-openpyxl \
python3-venv python3-pip pyqt5-dev-tools qttools5-dev-tools zip make ca-certificates"

[ "$(id -u)" = 0 ] || { echo "test_matrix.sh must run as root (debootstrap, chroot, mount)" >&2; exit 1; }
[ -n "$MIRROR" ] || { echo "no Debian mirror found in /etc/apt/sources.list.d/debian.sources; set MIRROR" >&2; exit 1; }

START=$SECONDS
step() { printf '\n== [%4ds] %s\n' "$((SECONDS - START))" "$*"; }

in_chroot() {
    chroot "$CHROOT" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}
chroot_apt() { in_chroot apt-get -o DPkg::Lock::Timeout=600 "$@"; }  # waits for another apt in the chroot

MOUNTS=()
unmount_all() {
    local i
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
        umount "${MOUNTS[i]}" || echo "warning: ${MOUNTS[i]} is busy, left mounted" >&2
    done
    MOUNTS=()
}
trap unmount_all EXIT
trap 'exit 130' INT TERM

mount_once() {  # mount_once TARGET MOUNT-ARGS...: mount unless already mounted, remember it
    local target=$1; shift
    mountpoint -q "$target" && return 0
    mount "$@" "$target"
    MOUNTS+=("$target")
}

mount_all() {
    mount_once "$CHROOT/proc" -t proc proc
    mount_once "$CHROOT/sys" -t sysfs sysfs
    mount_once "$CHROOT/dev" --bind /dev
    mount_once "$CHROOT/dev/pts" --bind /dev/pts
}

bootstrap() {
    if ! command -v debootstrap >/dev/null; then
        step "installing debootstrap on the host"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
    fi
    if [ ! -x "$CHROOT/usr/bin/apt-get" ] || [ ! -f "$CHROOT/etc/debian_version" ]; then
        step "debootstrap trixie into $CHROOT from $MIRROR"
        mkdir -p "$CHROOT"
        debootstrap --variant=minbase trixie "$CHROOT" "$MIRROR" >"$CHROOT.debootstrap.log" 2>&1 \
            || { tail -20 "$CHROOT.debootstrap.log" >&2; exit 1; }
    fi
    printf 'Types: deb\nURIs: %s\nSuites: trixie trixie-updates trixie-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$MIRROR" >"$CHROOT/etc/apt/sources.list.d/debian.sources"
    rm -f "$CHROOT/etc/apt/sources.list"
    mount_all
    setup_network
    step "installing QGIS 3.40 and the build tools in the chroot"
    chroot_apt update -qq
    chroot_apt install -y -qq --no-install-recommends $PACKAGES >/dev/null
    touch "$READY_BASE"
}

setup_network() {
    cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
    # Certificate authorities this machine added locally (e.g. a TLS-inspecting proxy): pip needs them too.
    if compgen -G "/usr/local/share/ca-certificates/*" >/dev/null; then
        mkdir -p "$CHROOT/usr/local/share/ca-certificates"
        cp -r /usr/local/share/ca-certificates/. "$CHROOT/usr/local/share/ca-certificates/"
        [ -x "$CHROOT/usr/sbin/update-ca-certificates" ] && in_chroot update-ca-certificates >/dev/null
    fi
    return 0
}

install_qgis() {  # install_qgis SUITE: the QGIS packages of trixie or trixie-backports
    # "package/suite" takes that suite's version, also downwards: "-t trixie" alone keeps a newer 3.44 installed
    step "QGIS from $1"
    chroot_apt install -y -qq --no-install-recommends --allow-downgrades -t "$1" "${QGIS_PACKAGES[@]/%//$1}" >/dev/null
}

run_suite() {  # run_suite LABEL SERIES: the suite on a clean copy of the committed tree, on QGIS SERIES (3.40...)
    local label=$1 series=$2 begin=$SECONDS version
    version=$(in_chroot python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)' 2>/dev/null)
    case "$version" in
        "$series".*) ;;
        *) echo "expected QGIS $series in the chroot, found '$version'" >&2; exit 1 ;;
    esac
    step "$label: QGIS $version — make test on a clean copy (git archive HEAD)"
    rm -rf "$CHROOT/root/proj"
    mkdir -p "$CHROOT/root/proj"
    git -C "$REPO" archive HEAD | tar -x -C "$CHROOT/root/proj"
    in_chroot bash -c 'cd /root/proj && make test'
    RESULTS+=("$label: QGIS $version passed in $((SECONDS - begin)) s")
}

RESULTS=()
if [ -f "$READY_BASE" ]; then
    step "reusing the chroot $CHROOT (fresh package lists, any package added since)"
    mount_all
    setup_network
    chroot_apt update -qq
    chroot_apt install -y -qq --no-install-recommends $PACKAGES >/dev/null
else
    bootstrap
fi

install_qgis trixie
run_suite "Debian 13" 3.40
install_qgis trixie-backports
touch "$READY_FLAG"
run_suite "trixie-backports" 3.44

step "done"
printf '%s\n' "${RESULTS[@]}"
echo "matrix total: $((SECONDS - START)) s"
