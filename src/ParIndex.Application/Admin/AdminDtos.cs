namespace ParIndex.Application.Admin;

public sealed record UnitView(int Id, string Code, string Name, string Kind, int? ParentId, string? Region);

public sealed record UnitRequest(string Code, string Name, string Kind, int? ParentId, string? Region);

/// <param name="LockedUntil">While locked: until when (the far future for a lock by the administrator, minutes for too many failed sign-ins).</param>
public sealed record UserView(string Id, string UserName, string FullName, string? Email, string Role, int? UnitId, string? UnitName, bool LockedOut,
    DateTimeOffset? LockedUntil = null)
{
    /// <summary>Locked by the administrator (rather than for a while after failed sign-ins).</summary>
    public bool LockedByAdministrator => LockedUntil is { } until && until > DateTimeOffset.UtcNow.AddYears(100);
}

/// <summary>The one-time password made by a reset: shown once to the administrator, never stored in clear.</summary>
public sealed record PasswordResetResult(UserView User, string OneTimePassword);

public sealed record LockRequest(bool Locked);

/// <summary>Create (with a password) or update (password optional) a user.</summary>
public sealed record UserRequest(string UserName, string FullName, string? Email, string Role, int? UnitId, string? Password, bool? Locked);
