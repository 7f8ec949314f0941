# How each task runs its block (POSIX sh, where the runbook says shell: sh). The lines above this text name the
# block; the block's text follows it.
#
# State carried from task to task: the working directory, exported variables, set options and the umask, saved
# in a file on the host at the end of every task ($RUNBOOK_STATE_DIR, else ~/.runbook-shell/ansible/<runbook>/
# state.sh, mode 600) and restored at the start of the next. sh cannot print its functions or tell its own
# variables from the environment's, so functions and unexported variables do not carry over. Not saved: the
# runbook's variables (Ansible passes them to every task) and any variable whose value holds a secret's.
#
# The outcome rule, as near as sh comes to runbook-shell's: sh has no ERR trap, so by default the block runs
# under set -e and stops at its first failed command (set -e's meaning of failed: not a command tested by if,
# while or until, before && or ||, negated with !, or any but the last of a pipeline), but sh cannot say which
# line failed; a block that runs `exit` is then taken for one that stopped. With errexit=false the block runs as
# a terminal would and failed commands other than the last are not seen. Ansible decides the outcome as for bash
# (failed_when on the exit code and the expectations, until/retries, timeout).
__rb_dir=${RUNBOOK_STATE_DIR:-$HOME/.runbook-shell/ansible}/$__rb_slug/${RUNBOOK_HOST:-host}
__rb_src=$__rb_dir/$__rb_file __rb_state=$__rb_dir/state.sh __rb_phase=restore
(umask 077 && mkdir -p -- "$__rb_dir") || exit 125
__rb_q() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}
__rb_save() {
    (umask 077 && : >|"$__rb_state.new") || return
    {
        set +o
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
    } >|"$__rb_state.new" 2>/dev/null && mv -f -- "$__rb_state.new" "$__rb_state"
}
__rb_on_exit() {
    __rb_rc=$?
    trap - EXIT
    [ -z "${__rb_owd-}" ] || cd -- "$__rb_owd"
    case $__rb_phase in
    block)
        if [ "$__rb_errexit" = 1 ] && [ "$__rb_rc" != 0 ]; then
            printf 'runbook-shell: %s: %s stopped at a failed command (exit %s; sh cannot say which line)\n' \
                "$__rb_where" "$__rb_label" "$__rb_rc" >&2
            __rb_save
        else
            rm -f -- "$__rb_state"
            printf 'runbook-shell: warning: %s ended the shell (exit %s): the next block gets a fresh shell without the state of earlier blocks\n' \
                "$__rb_label" "$__rb_rc" >&2
        fi ;;
    done) __rb_save ;;
    esac
    case " $__rb_accepted " in *" $__rb_rc "*) [ "$__rb_flow" = 0 ] || printf '%s\n' "$__rb_id" >>"$__rb_dir/succeeded" ;; esac
    rm -f -- "$__rb_src"
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
# the block's lines sit at their lines of the runbook, so that sh's own messages name runbook lines
{
    __rb_i=1
    while [ "$__rb_i" -lt "$__rb_pad" ]; do echo; __rb_i=$((__rb_i + 1)); done
    printf '%s' "$__rb_text"
} >|"$__rb_src" || exit 125
unset __rb_text
trap __rb_on_exit EXIT
if [ -n "$__rb_cwd" ]; then
    __rb_owd=$PWD
    cd -- "$__rb_cwd" 2>&1 || exit
fi
__rb_phase=block
[ "$__rb_errexit" = 0 ] || set -e
. "$__rb_src" </dev/null 2>&1
__rb_rc=$?
set +e
__rb_phase=done
exit "$__rb_rc"
