/**
 * Small POSIX sh functions that sections of a sweep or scan call by name.
 * They are constants: user input reaches them only as quoted arguments.
 * `~/x` arguments are expanded here because quoting keeps sh from doing it.
 */

/** Sets cd_p to its own value with a leading ~ replaced by $HOME. */
export const EXPAND_HOME = 'case $cd_p in "~") cd_p=$HOME;; "~/"*) cd_p=$HOME/${cd_p#??};; esac';

/** `cd_tools NAME...`: one line per tool, `NAME yes` or `NAME no`. */
export const TOOLS_FUNCTION =
  'cd_tools() { for cd_t in "$@"; do if command -v "$cd_t" >/dev/null 2>&1; then echo "$cd_t yes"; else echo "$cd_t no"; fi; done; }';

/** `cd_paths PATH...`: one line per path in order: readable, unreadable or absent. */
export const PATHS_FUNCTION = `cd_paths() { for cd_p in "$@"; do ${EXPAND_HOME}; if [ -r "$cd_p" ]; then echo readable; elif [ -e "$cd_p" ]; then echo unreadable; else echo absent; fi; done; }`;

/** `cd_ls DIR`: the names in a folder, one a line; exit 2 when it is missing. */
export const LIST_DIR_FUNCTION = `cd_ls() { cd_p=$1; ${EXPAND_HOME}; [ -d "$cd_p" ] || return 2; ls -1A -- "$cd_p"; }`;

/**
 * \`cd_compose_state\`: start time, restart count and health of compose-made
 * containers only. Agents run many session containers; inspecting all of
 * them on every sweep would be slow, and they are not services.
 */
export const COMPOSE_STATE_FUNCTION =
  "cd_compose_state() { cd_ids=$(docker ps -aq --filter label=com.docker.compose.project) || return $?; [ -z \"$cd_ids\" ] || docker inspect --format '{{.Name}} {{.RestartCount}} {{json .State}}' $cd_ids; }";
