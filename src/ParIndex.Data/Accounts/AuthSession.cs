namespace ParIndex.Data.Accounts;

/// <summary>
/// A signed-in browser session. The auth cookie carries only <see cref="Id"/>; the ticket lives here,
/// so logout, a lock or a password reset ends the session on every instance at once.
/// </summary>
public sealed class AuthSession
{
    /// <summary>A random key (256 bits, base64url), never derived from the user.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The serialized authentication ticket (claims and properties).</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedUtc { get; set; }

    /// <summary>The end of the session: the idle deadline, never later than the absolute lifetime.</summary>
    public DateTime ExpiresUtc { get; set; }
}
