import Foundation

/// Files and folders that steer bk (the config file, the state folder) must be the user's own
/// and writable by nobody else: otherwise another account could point bk at another trust
/// anchor, say `--yes` for it, or swap its credential.
public enum GuardedPath {
    /// Whether `path` belongs to this user and no group or other may write it; `nil` when it
    /// does not exist. Links are followed: what counts is what bk would read.
    public static func isGuarded(_ path: String) -> Bool? {
        var status = stat()
        guard stat(path, &status) == 0 else { return errno == ENOENT ? nil : false }
        return status.st_uid == geteuid() && status.st_mode & 0o022 == 0
    }
}
