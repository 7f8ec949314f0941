# How each task runs its block (POSIX sh, where the runbook says shell: sh). The lines above this text name the
# block; the block's text follows it.
#
# State carried from task to task: the working directory, exported variables, set options and the umask, saved
# in a file on the host at the end of every task ($RUNBOOK_STATE_DIR, else ~/.runbook-shell/ansible/<runbook>/
# state.sh, mode 600) and restored at the start of the next. sh cannot print its functions or tell its own
# variables from the environment's, so functions and unexported variables do not carry over. Not saved: the
# runbook's variables (Ansible passes them to every task) and any variable whose value holds a secret's.
#
# The outcome rule, runbook-shell's on the same sh. Where sh has an ERR trap (busybox sh), as for bash: every
# failed command is seen (not one tested by if, while or until, before && or ||, or negated with !; a pipeline by
# its last command; a subshell by its status; exit= codes are not failures); by default the block stops at its
# first failed command and fails with its exit code, with errexit=false it runs on and each failed command is a
# warning. busybox sh cannot say the failed command, so stderr names the runbook line's text. Where it has none
# (dash), a block is judged by the exit status of its last command only, as runbook-shell judges it there.
# A block that turns on set -e keeps it for the next block; the task's own lines never run under it or xtrace.
# Ansible decides the outcome as for bash (failed_when on the exit code and the expectations, until/retries), and
# at timeout= the task interrupts its block as for bash.
__rb_dir=${RUNBOOK_STATE_DIR:-$HOME/.runbook-shell/ansible}/$__rb_slug/${RUNBOOK_HOST:-host}
__rb_src=$__rb_dir/$__rb_file __rb_state=$__rb_dir/state.sh __rb_failed=$__rb_dir/failed __rb_phase=restore
(umask 077 && mkdir -p -- "$__rb_dir") || exit 125
__rb_q() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}
__rb_save() {
    (umask 077 && : >|"$__rb_state.new") || return
    {
        set +o | grep -v -e ' errexit$' -e ' xtrace$'
        printf 'cd -- %s\n' "$(__rb_q "$PWD")"
        for __rb_n in $(export -p | sed -n 's/^export \([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p'); do
            case " __rb_ $__rb_vars PWD OLDPWD " in *" $__rb_n "*) continue ;; esac
            case $__rb_n in __rb_*) continue ;; esac
            eval "__rb_v=\${$__rb_n-}"
            __rb_keep=1
            for __rb_s in $__rb_secrets; do
                eval "__rb_sv=\${$__rb_s-}"
                case $__rb_v in *"$__rb_sv"*) [ -z "$__rb_sv" ] || __rb_keep=0 ;; esac
            done
            [ "$__rb_keep" = 0 ] || printf 'export %s=%s\n' "$__rb_n" "$(__rb_q "$__rb_v")"
        done
        printf 'umask %s\n' "$(umask)"
        case $__rb_xs in *x*) printf '__rb_x=1\n' ;; esac
        case $__rb_xs in *e*) printf '__rb_e=1\n' ;; esac
    } >|"$__rb_state.new" 2>/dev/null && mv -f -- "$__rb_state.new" "$__rb_state"
}
# runbook-shell's trap, line for line: $1 the line, $2 the function it fired in; 0 returns from that function (the
# block stops), 2 means the block's own status, 1 goes on
__rb_err() {
    [ -n "${__rb_in-}" ] && [ -n "$2" ] && [ "${BASHPID-$$}" = "$$" ] && [ ! -e "$__rb_dir/timedout" ] || return 1
    case $- in *e*) set +e; __rb_we=e ;; esac
    [ "$2" != __rb_run ] || return 2
    if [ -z "$__rb_k" ]; then
        case " $__rb_accepted " in *" $__rb_st "*) return 1 ;; esac
        # busybox sh has no BASH_COMMAND: the line's text, when the line is the block's
        __rb_t=
        [ "$1" -le "$__rb_pad" ] || __rb_t=$(sed -n "${1}p" "$__rb_src" 2>/dev/null | tr '[:cntrl:]' ' ')
        printf '%s %s %s\n' "$1" "$__rb_st" "$__rb_t" >>"$__rb_failed"
        case "$__rb_errexit$__rb_we" in *1*|*e*) __rb_k=1 ;; esac
    fi
    [ -n "$__rb_k" ]
}
__rb_source() {
    . "$__rb_src"
}
__rb_run() {
    __rb_rc=0 __rb_k= __rb_we= __rb_in=1
    __rb_source
}
__rb_why() {
    case $1 in
    127) printf 'exit 127: command not found' ;;
    126) printf 'exit 126: not executable' ;;
    *) if [ "$1" -gt 128 ]; then printf 'exit %s: killed by signal %s' "$1" "$(($1 - 128))"; else printf 'exit %s' "$1"; fi ;;
    esac
}
__rb_on_exit() {
    __rb_rc=$?
    __rb_xs=${__rb_xs-$-}
    { set +ex; } 2>/dev/null
    trap - EXIT
    trap - INT
    if [ -n "${__rb_dog-}" ]; then
        pkill -P "$__rb_dog" 2>/dev/null
        kill "$__rb_dog" 2>/dev/null
    fi
    if [ -e "$__rb_dir/timedout" ]; then
        __rb_phase=timedout
        rm -f -- "$__rb_dir/timedout"
    fi
    [ -z "${__rb_owd-}" ] || cd -- "$__rb_owd"
    case $__rb_phase in
    block)
        rm -f -- "$__rb_state"
        printf 'runbook-shell: warning: %s ended the shell (exit %s): the next block gets a fresh shell without the state of earlier blocks\n' \
            "$__rb_label" "$__rb_rc" >&2 ;;
    timedout)
        __rb_save
        printf 'runbook-shell: %s timed out after %ss and was interrupted\n' "$__rb_label" "$__rb_timeout" >&2 ;;
    done | stopped) __rb_save ;;
    esac
    __rb_n=0
    while read -r __rb_l __rb_c __rb_cmd; do
        __rb_n=$((__rb_n + 1))
        if [ "$__rb_phase" = stopped ]; then
            printf 'runbook-shell: %s:%s: %s stopped at its first failed command (%s): %s\n' "$__rb_where" "$__rb_l" \
                "$__rb_label" "$(__rb_why "$__rb_c")" "$__rb_cmd" >&2
        else
            printf 'runbook-shell: warning: %s:%s: command failed (%s): %s\n' "$__rb_where" "$__rb_l" \
                "$(__rb_why "$__rb_c")" "$__rb_cmd" >&2
        fi
    done <"$__rb_failed"
    if [ "$__rb_n" != 0 ] && [ "$__rb_phase" != stopped ]; then
        [ "$__rb_n" = 1 ] && __rb_p= || __rb_p=s
        printf 'runbook-shell: warning: %s went on after %s failed command%s (errexit=false)\n' "$__rb_label" "$__rb_n" \
            "$__rb_p" >&2
    fi
    case " $__rb_accepted " in *" $__rb_rc "*) [ "$__rb_flow" = 0 ] || printf '%s\n' "$__rb_id" >>"$__rb_dir/succeeded" ;; esac
    rm -f -- "$__rb_src" "$__rb_failed"
    [ -z "${__rb_tmp-}" ] || rmdir -- "$__rb_tmp" 2>/dev/null
    exit "$__rb_rc"
}
if [ "$__rb_fresh" = 1 ] || [ ! -r "$__rb_state" ]; then
    rm -f -- "$__rb_state"
    [ "$__rb_fresh" = 0 ] || : >|"$__rb_dir/succeeded"
    {
        [ ! -r /etc/profile ] || . /etc/profile
        [ ! -r "$HOME/.profile" ] || . "$HOME/.profile"
    } </dev/null >/dev/null 2>&1
else
    for __rb_n in $__rb_vars; do eval "__rb_given_$__rb_n=\${$__rb_n-}"; done
    . "$__rb_state"
    for __rb_n in $__rb_vars; do eval "$__rb_n=\$__rb_given_$__rb_n"; done
fi
__rb_trap=
(trap : ERR) 2>/dev/null && __rb_trap=1
# the block's lines sit at their lines of the runbook, so that sh's own messages name runbook lines; the fence's
# line goes to cwd= and turns errexit and xtrace back on when the block before left them on; with an ERR trap its last line
# keeps the block's own status. It is sourced from a folder named as runbook-shell's session folder, so that those
# messages read as in a runbook-shell run (/tmp/runbook-shell.x1Y2z3/deploy.md: line 57: ...)
__rb_tmp=$(umask 077 && mktemp -d "${TMPDIR:-/tmp}/runbook-shell.XXXXXX" 2>/dev/null) && __rb_src=$__rb_tmp/$__rb_file
{
    __rb_i=2
    while [ "$__rb_i" -le "$__rb_pad" ]; do echo; __rb_i=$((__rb_i + 1)); done
    [ -z "$__rb_cwd" ] || printf '%s' 'cd -- "$__rb_cwd" || return 1; '
    printf '%s\n' '[ -z "${__rb_e-}" ] || set -e; [ -z "${__rb_x-}" ] || set -x'
    printf '%s\n' "$__rb_text"
    [ -z "$__rb_trap" ] || printf '%s\n' '{ __rb_rc=$?; } 2>/dev/null'
} >|"$__rb_src" || exit 125
unset __rb_text
: >|"$__rb_failed"
rm -f -- "$__rb_dir/timedout"
trap __rb_on_exit EXIT
[ -z "$__rb_cwd" ] || __rb_owd=$PWD
# timeout=: as a session does, interrupt the block (INT to the shell and its commands) and keep what it printed
if [ "$__rb_timeout" -gt 0 ]; then
    { sleep "$__rb_timeout" && : >|"$__rb_dir/timedout" && kill -INT "$$" && pkill -INT -P "$$"; } </dev/null >/dev/null 2>&1 &
    __rb_dog=$!
    trap '__rb_phase=timedout; exit 130' INT
fi
__rb_phase=block
if [ -n "$__rb_trap" ]; then
    trap '__rb_st=$?; __rb_err "$LINENO" "${FUNCNAME-}"; case $? in 0) return "$__rb_st" ;; 2) __rb_rc=$__rb_st; return 0 ;; esac' ERR
    set -E
    __rb_run </dev/null 2>&1
    { __rb_xs=$-$__rb_we; set +ex; __rb_in=; } 2>/dev/null
    trap - ERR
    [ -z "$__rb_k" ] || __rb_phase=stopped
else
    . "$__rb_src" </dev/null 2>&1
    { __rb_rc=$? __rb_xs=$-; set +ex; } 2>/dev/null
fi
[ "$__rb_phase" = stopped ] || __rb_phase=done
exit "$__rb_rc"
