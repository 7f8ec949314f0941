# How each task runs its block (bash). The lines above this text name the block; the block's text follows it.
#
# State carried from task to task, as in runbook-shell's one long-lived shell: the end of every task saves the
# working directory, shell variables (exported or not), functions, aliases, set and shopt options and the umask
# in a file on the host (<dir>/<runbook>/<inventory host>/state.bash, mode 600; <dir> is -e runbook_state_dir,
# else ~/.runbook-shell/ansible), and
# the start of the next task restores it. Not saved: bash's own variables, the runbook's variables (Ansible
# passes them to every task) and any variable whose value holds a secret's. The first block of the runbook starts
# from a fresh login shell (/etc/profile, then ~/.bash_profile, ~/.bash_login or ~/.profile, silently), as
# runbook-shell's SSH sessions do (bash -l); so does a task that finds no state file.
#
# The outcome rule, the same as runbook-shell's: every failed command is seen with bash's ERR-trap meaning (a
# command tested by if, while or until, one before && or ||, one negated with !, and every command of a pipeline
# but the last are not failures; a pipeline fails by its last command unless the block sets pipefail; a function
# sees its commands fail too; a subshell, ( ) or $( ), counts by its status). A command whose exit code the block
# accepts (exit=) is not a failure.
#   - By default the block stops at its first failed command and fails with that command's exit code; stderr
#     names the runbook file and line, the command and its exit code. A block that turns on set -e stops there
#     too, and set -e stays on for the next block.
#   - With errexit=false the block runs on as a terminal would; each failed command is named on stderr as a
#     warning (a function whose last command failed counts again for its call, as bash's ERR trap fires twice).
# Ansible then decides the task's outcome (failed_when): the exit code must be accepted (exit=, default 0) and
# every expectation (expect=, "# Should show:") found in the output; retries= becomes until/retries. At timeout=
# the task interrupts its block as a session does (INT to the shell and its commands; exit 130, the output and the
# state kept, stderr says so); the task's own timeout, a little later, is the backstop for a block that ignores
# it. A block that runs `exit` ends its shell: the next task starts fresh, with a warning.
# Output: the block's stdout and stderr, in the order written, are the task's stdout; the task's stderr holds
# only these lines of runbook-shell's, which `runbook import ansible` reads back.
__rb_dir=${RUNBOOK_STATE_DIR:-$HOME/.runbook-shell/ansible}/$__rb_slug/${RUNBOOK_HOST:-host}
__rb_src=$__rb_dir/$__rb_file __rb_state=$__rb_dir/state.bash __rb_failed=$__rb_dir/failed __rb_phase=restore
(umask 077 && mkdir -p -- "$__rb_dir") || exit 125
exec {__rb_err}>&2
__rb_save() {
    local __rb_n __rb_s __rb_names=() __rb_funcs=()
    for __rb_n in $(compgen -v); do
        case $__rb_n in
        __rb_* | BASH* | COMP_* | EPOCH* | _ | PWD | OLDPWD | SHLVL | PPID | UID | EUID | SHELLOPTS | FUNCNAME | GROUPS \
            | LINENO | RANDOM | SRANDOM | SECONDS | HISTCMD | PIPESTATUS | DIRSTACK | OPTIND | OPTARG) continue ;;
        esac
        case " $__rb_vars " in *" $__rb_n "*) continue ;; esac
        for __rb_s in $__rb_secrets; do
            [[ -n ${!__rb_s-} && ${!__rb_n-} == *"${!__rb_s}"* ]] && continue 2
        done
        __rb_names+=("$__rb_n")
    done
    for __rb_n in $(compgen -A function); do
        [[ $__rb_n == __rb_* ]] || __rb_funcs+=("$__rb_n")
    done
    (umask 077 && : >|"$__rb_state.new") || return
    # options first: a function may need extglob to be read back
    {
        shopt -p | grep -v -e ' login_shell$' -e ' restricted_shell$'
        set +o | grep -v ' errexit$'
        printf 'cd -- %q || printf '\''runbook-shell: warning: cannot return to %%s: the block runs in %%s\\n'\'' %q "$PWD" >&"$__rb_err"\n' "$PWD" "$PWD"
        ((${#__rb_names[@]} == 0)) || declare -p "${__rb_names[@]}"
        printf 'OLDPWD=%q\n' "${OLDPWD-}"
        ((${#__rb_funcs[@]} == 0)) || declare -f "${__rb_funcs[@]}"
        alias -p
        printf 'umask %s\n' "$(umask)"
        [[ $__rb_xs != *x* ]] || printf '__rb_x=1\n'
        [[ $__rb_xs != *e* ]] || printf '__rb_e=1\n'
    } >|"$__rb_state.new" 2>/dev/null && mv -f -- "$__rb_state.new" "$__rb_state"
}
__rb_on_err() {
    local __rb_rc=$1 __rb_cmd=${2//[[:cntrl:]]/ } __rb_line=${BASH_LINENO[0]} __rb_k
    # as runbook-shell's trap: only the task's own process (a subshell counts by its status), only inside the block
    # (the `.` that ran it does not count), and never for a code the block accepts
    ((${#FUNCNAME[@]} > 1)) && [[ $BASHPID == "$$" && ! -e $__rb_dir/timedout ]] || return 0
    case " $__rb_accepted " in *" $__rb_rc "*) return 0 ;; esac
    for ((__rb_k = 1; __rb_k < ${#BASH_SOURCE[@]}; __rb_k++)); do
        if [[ ${BASH_SOURCE[__rb_k]} == "$__rb_src" ]]; then
            __rb_line=${BASH_LINENO[__rb_k - 1]}
            break
        fi
    done
    __rb_line=${__rb_map[__rb_line]-$__rb_line}
    printf '%s %s %s\n' "$__rb_line" "$__rb_rc" "$__rb_cmd" >>"$__rb_failed"
    # a block that turned on set -e stops at its first failed command too, and the shell keeps set -e
    if ((__rb_errexit)) || [[ $__rb_xt == *e* ]]; then
        __rb_phase=stopped __rb_xs=$__rb_xt
        exit "$__rb_rc"
    fi
}
__rb_why() {
    case $1 in
    127) printf 'exit 127: command not found' ;;
    126) printf 'exit 126: not executable' ;;
    *) if (($1 > 128)); then printf 'exit %s: killed by signal %s' "$1" "$(($1 - 128))"; else printf 'exit %s' "$1"; fi ;;
    esac
}
__rb_on_exit() {
    local __rb_rc=$? __rb_l __rb_c __rb_cmd __rb_n=0
    __rb_xs=${__rb_xs-$-}
    { set +ex; } 2>/dev/null
    trap - ERR EXIT
    trap - INT
    if [ -n "${__rb_dog-}" ]; then
        pkill -P "$__rb_dog" 2>/dev/null
        kill "$__rb_dog" 2>/dev/null
    fi
    if [ -e "$__rb_dir/timedout" ]; then
        __rb_phase=timedout
        rm -f -- "$__rb_dir/timedout"
    fi
    [[ -z ${__rb_owd-} ]] || cd -- "$__rb_owd"
    case $__rb_phase in
    block)
        rm -f -- "$__rb_state"
        printf 'runbook-shell: warning: %s ended the shell (exit %s): the next block gets a fresh shell without the state of earlier blocks\n' \
            "$__rb_label" "$__rb_rc" >&"$__rb_err" ;;
    timedout)
        __rb_save
        printf 'runbook-shell: %s timed out after %ss and was interrupted\n' "$__rb_label" "$__rb_timeout" >&2 ;;
    done | stopped) __rb_save ;;
    esac
    while read -r __rb_l __rb_c __rb_cmd; do
        __rb_n=$((__rb_n + 1))
        if [[ $__rb_phase == stopped ]]; then
            printf 'runbook-shell: %s:%s: %s stopped at its first failed command (%s): %s\n' "$__rb_where" "$__rb_l" \
                "$__rb_label" "$(__rb_why "$__rb_c")" "$__rb_cmd" >&"$__rb_err"
        else
            printf 'runbook-shell: warning: %s:%s: command failed (%s): %s\n' "$__rb_where" "$__rb_l" \
                "$(__rb_why "$__rb_c")" "$__rb_cmd" >&"$__rb_err"
        fi
    done <"$__rb_failed"
    ((__rb_n == 0)) || [[ $__rb_phase == stopped ]] || printf 'runbook-shell: warning: %s went on after %s failed command%s (errexit=false)\n' \
        "$__rb_label" "$__rb_n" "$( ((__rb_n == 1)) || printf s)" >&"$__rb_err"
    case " $__rb_accepted " in *" $__rb_rc "*) ((__rb_flow == 0)) || printf '%s\n' "$__rb_id" >>"$__rb_dir/succeeded" ;; esac
    rm -f -- "$__rb_src" "$__rb_failed"
    [[ -z ${__rb_tmp-} ]] || rmdir -- "$__rb_tmp" 2>/dev/null
    exit "$__rb_rc"
}
if ((__rb_fresh)) || [[ ! -r $__rb_state ]]; then
    rm -f -- "$__rb_state"
    ((__rb_fresh == 0)) || : >|"$__rb_dir/succeeded"
    {
        [[ ! -r /etc/profile ]] || . /etc/profile
        for __rb_p in ~/.bash_profile ~/.bash_login ~/.profile; do
            if [[ -r $__rb_p ]]; then
                . "$__rb_p"
                break
            fi
        done
    } </dev/null >/dev/null 2>&1
else
    . "$__rb_state"
fi
# the block's lines sit at their lines of the runbook, so that bash's own messages name runbook lines; the fence's
# line goes to cwd= (a missing folder fails the block there, as in a run) and turns errexit and xtrace back on when
# the block before left them on, so the protocol is never traced and never stopped by set -e. It is sourced from a folder named as runbook-shell's session folder,
# so that those messages read as in a runbook-shell run (/tmp/runbook-shell.x1Y2z3/deploy.md: line 57: ...)
__rb_tmp=$(umask 077 && mktemp -d "${TMPDIR:-/tmp}/runbook-shell.XXXXXX" 2>/dev/null) && __rb_src=$__rb_tmp/$__rb_file
__rb_first='[ -z "${__rb_e-}" ] || set -e; [ -z "${__rb_x-}" ] || set -x'
[[ -z $__rb_cwd ]] || __rb_first='cd -- "$__rb_cwd" || return 1; '$__rb_first
printf -v __rb_p '%*s' "$((__rb_pad - 1))" ''
printf '%s%s\n%s' "${__rb_p// /$'\n'}" "$__rb_first" "$__rb_text" >|"$__rb_src" || exit 125
unset __rb_p __rb_text __rb_first
: >|"$__rb_failed"
rm -f -- "$__rb_dir/timedout"
trap __rb_on_exit EXIT
[[ -z $__rb_cwd ]] || __rb_owd=$PWD
# timeout=: as a session does, interrupt the block (INT to the shell and its commands) and keep what it printed
if [ "$__rb_timeout" -gt 0 ]; then
    { sleep "$__rb_timeout" && : >|"$__rb_dir/timedout" && kill -INT "$$" && pkill -INT -P "$$"; } </dev/null >/dev/null 2>&1 &
    __rb_dog=$!
    trap '__rb_phase=timedout; exit 130' INT
fi
__rb_phase=block
set -E
trap '{ __rb_st=$? __rb_xt=$-; set +ex; } 2>/dev/null; __rb_on_err "$__rb_st" "$BASH_COMMAND"; { [[ $__rb_xt != *x* ]] || set -x; } 2>/dev/null' ERR
. "$__rb_src" </dev/null 2>&1
{ __rb_rc=$? __rb_xs=$-; set +ex; } 2>/dev/null
trap - ERR
__rb_phase=done
exit "$__rb_rc"
