namespace ParIndex.Data.Accounts;

/// <summary>
/// Failed logins for one typed user name from one client address. Keyed by both so that a stranger
/// cannot lock a real user out from elsewhere, and kept whether or not the account exists.
/// </summary>
public sealed class LoginThrottle
{
    /// <summary>The SHA-256 (hex) of the normalized user name and the address.</summary>
    public string Key { get; set; } = "";

    public int Failures { get; set; }

    public DateTime LastFailureUtc { get; set; }

    public DateTime? LockedUntilUtc { get; set; }
}
