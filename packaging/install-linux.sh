#!/usr/bin/env bash
# Install the built app on Linux, with its menu entry, icon and file types (.peerdesk, .pdbundle open in peerdesk).
#
#   packaging/install-linux.sh [APP_FOLDER]     # default: dist/peerdesk next to this script's repository
#   packaging/install-linux.sh --uninstall
#   --user   installs for this user even when run as root
#
# As a normal user: the app goes to ~/.local/lib/peerdesk, the command to ~/.local/bin/peerdesk, the desktop
# entry, icons and MIME types to ~/.local/share. As root: /opt/peerdesk, /usr/local/bin and /usr/local/share.
# Uses xdg-desktop-menu, xdg-icon-resource, xdg-mime and update-mime-database (xdg-utils, shared-mime-info) when
# present, and copies the files into place itself when they are not. --uninstall removes all of it, including the
# per-user default-application entries; review files are never touched. packaging/linux/check-install.sh proves it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# Run from the repository (packaging/) or from inside the app folder of a tarball (build.sh --archive puts this
# script and linux/ there).
if [ -x "$here/peerdesk" ]; then source_dir=$here; else source_dir="$here/../dist/peerdesk"; fi
action=install
force_user=0
for arg in "$@"; do
    case "$arg" in
        --uninstall) action=uninstall ;;
        --user) force_user=1 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) source_dir=$arg ;;
    esac
done

if [ "$(id -u)" = "0" ] && [ "$force_user" = "0" ]; then
    mode=system
    app_dir=/opt/peerdesk
    bin_dir=/usr/local/bin
    data_dir=/usr/local/share
else
    mode=user
    app_dir="$HOME/.local/lib/peerdesk"
    bin_dir="$HOME/.local/bin"
    data_dir="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
config_dir="${XDG_CONFIG_HOME:-$HOME/.config}"
have() { command -v "$1" >/dev/null 2>&1; }
# xdg-utils' scripts split paths with spaces (and then report success); copy the files ourselves for such folders.
xdg() { case "$data_dir" in *[[:space:]]*) return 1 ;; esac; have "$1"; }
# The xdg tools decide user or system by --mode; with --user as root they must still write to the user's folders.
xdg_env=(env "XDG_DATA_HOME=$data_dir")
icon_sizes=(16 24 32 48 64 128 256)

refresh() {
    if have update-mime-database; then update-mime-database "$data_dir/mime" >/dev/null 2>&1 || true; fi
    if have update-desktop-database; then update-desktop-database -q "$data_dir/applications" || true; fi
    if have gtk-update-icon-cache; then gtk-update-icon-cache -q -t "$data_dir/icons/hicolor" 2>/dev/null || true; fi
}

if [ "$action" = "uninstall" ]; then
    if xdg xdg-desktop-menu; then "${xdg_env[@]}" xdg-desktop-menu uninstall --mode "$mode" --novendor peerdesk.desktop || true; fi
    if xdg xdg-mime; then "${xdg_env[@]}" xdg-mime uninstall --mode "$mode" "$here/linux/peerdesk-mime.xml" || true; fi
    rm -f "$data_dir/applications/peerdesk.desktop" "$data_dir/mime/packages/peerdesk-mime.xml"
    for size in "${icon_sizes[@]}"; do
        folder="$data_dir/icons/hicolor/${size}x${size}"
        # xdg-icon-resource also leaves gnome-mime-* copies of mimetype icons, for older desktops.
        rm -f "$folder/apps/peerdesk.png" "$folder"/mimetypes/{,gnome-mime-}application-x-peerdesk{,-bundle}.png
    done
    # The default-application entries `xdg-mime default` wrote (and any a desktop added): peerdesk.desktop leaves
    # each list it is in, and a type whose list is then empty loses its line.
    if [ "$mode" = "user" ]; then
        for list in "$config_dir/mimeapps.list" "$data_dir/applications/mimeapps.list" \
                    "$data_dir/applications/defaults.list"; do
            [ -f "$list" ] || continue
            sed -i -e '/^application\/x-peerdesk\(-bundle\)\?=/{s/peerdesk\.desktop;\?//g;/=$/d}' "$list"
        done
    fi
    rm -f "$bin_dir/peerdesk"
    rm -rf "$app_dir"
    refresh
    # Icon folders that held only our icons.
    find "$data_dir/icons/hicolor" -mindepth 2 -maxdepth 2 -type d -empty -delete 2>/dev/null || true
    echo "peerdesk uninstalled ($mode). Review files are yours and were left where they are."
    exit 0
fi

if [ ! -x "$source_dir/peerdesk" ]; then
    echo "install: no built app at $source_dir (run packaging/build.sh first, or give the folder)" >&2
    exit 1
fi
source_dir=$(cd "$source_dir" && pwd)

# The desktop entry points at this install whatever PATH holds. The path goes in unquoted: xdg-open's own
# fallback (no desktop environment running) takes Exec's first word literally, quotes included. Only a path with a
# character the Desktop Entry spec reserves (a space, say) is quoted, as the spec then requires.
program="$app_dir/peerdesk"
case "$program" in
    *[\"\`\$\\\|\&]*)
        echo "install: the folder $app_dir has a character (\" \` \$ \\ | &) a menu entry cannot hold" >&2
        exit 1 ;;
    *[!A-Za-z0-9_./+@:,=-]*)
        exec_program="\"$program\""
        echo "install: note: $program has characters that must be quoted in the menu entry;" \
             "xdg-open without a desktop environment cannot start a quoted program" >&2 ;;
    *) exec_program=$program ;;
esac

# 1. The app folder and the command.
mkdir -p "$(dirname "$app_dir")" "$bin_dir"
if [ "$source_dir" != "$app_dir" ]; then
    rm -rf "$app_dir.new"
    cp -a "$source_dir" "$app_dir.new"
    rm -rf "$app_dir"
    mv "$app_dir.new" "$app_dir"
fi
ln -sfn "$app_dir/peerdesk" "$bin_dir/peerdesk"

# 2. The desktop entry.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed -e "s|^Exec=.*|Exec=$exec_program %F|" -e "s|^TryExec=.*|TryExec=$program|" \
    "$here/linux/peerdesk.desktop" > "$work/peerdesk.desktop"

# 3. Icons: the app's, and the same for its two file types; the built app carries them (the repository too).
resources="$app_dir/_internal/peerdesk/resources"
[ -d "$resources" ] || resources="$here/../resources"
for size in "${icon_sizes[@]}"; do
    png="$resources/peerdesk-$size.png"
    [ -f "$png" ] || continue
    for target in apps/peerdesk mimetypes/application-x-peerdesk mimetypes/application-x-peerdesk-bundle; do
        if xdg xdg-icon-resource; then
            "${xdg_env[@]}" xdg-icon-resource install --noupdate --mode "$mode" --novendor \
                --context "${target%%/*}" --size "$size" "$png" "${target##*/}"
        else
            mkdir -p "$data_dir/icons/hicolor/${size}x${size}/${target%%/*}"
            cp "$png" "$data_dir/icons/hicolor/${size}x${size}/$target.png"
        fi
    done
done
if xdg xdg-icon-resource; then "${xdg_env[@]}" xdg-icon-resource forceupdate --mode "$mode" || true; fi

# 4. The menu entry and the file types.
if xdg xdg-desktop-menu; then
    "${xdg_env[@]}" xdg-desktop-menu install --mode "$mode" --novendor "$work/peerdesk.desktop"
else
    mkdir -p "$data_dir/applications"
    cp "$work/peerdesk.desktop" "$data_dir/applications/peerdesk.desktop"
fi
if xdg xdg-mime; then
    "${xdg_env[@]}" xdg-mime install --mode "$mode" --novendor "$here/linux/peerdesk-mime.xml"
else
    mkdir -p "$data_dir/mime/packages"
    cp "$here/linux/peerdesk-mime.xml" "$data_dir/mime/packages/peerdesk-mime.xml"
fi
refresh

# 5. peerdesk opens these types by default for this user (system installs leave the choice to each user).
defaults_note=""
if [ "$mode" = "user" ] && xdg xdg-mime; then
    "${xdg_env[@]}" xdg-mime default peerdesk.desktop application/x-peerdesk application/x-peerdesk-bundle || true
elif [ "$mode" = "user" ]; then
    defaults_note="  note: choose peerdesk for .peerdesk and .pdbundle files in your desktop's settings (no xdg-mime)"
fi

echo "peerdesk installed ($mode): $app_dir"
echo "  command:   $bin_dir/peerdesk"
echo "  menu:      $data_dir/applications/peerdesk.desktop"
echo "  files:     *.peerdesk and *.pdbundle open in peerdesk"
[ -z "$defaults_note" ] || echo "$defaults_note"
case ":$PATH:" in *":$bin_dir:"*) ;; *) echo "  note: $bin_dir is not on your PATH; the menu entry works anyway." ;; esac
