using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Data;
using ParIndex.Data.Accounts;

namespace ParIndex.Web.Accounts;

/// <summary>What a login attempt tells the person who made it.</summary>
public enum LoginOutcome
{
    SignedIn,

    /// <summary>Unknown user or wrong password: the same answer for both.</summary>
    Failed,

    /// <summary>Too many failures for this user name from this address.</summary>
    Throttled,

    /// <summary>Right password, but the administrator has locked the account.</summary>
    Disabled,
}

/// <summary>
/// Password sign-in that answers an unknown user exactly like a wrong password (same status, text
/// and hash work), and counts failures per user name and client address, so that nobody can lock
/// a real user out from another place. See ADR 0108.
/// </summary>
public sealed class LoginService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    ParIndexDbContext db,
    TimeProvider clock,
    IOptions<IdentityOptions> identity)
{
    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private static string? dummyHash;

    public async Task<LoginOutcome> SignInAsync(string userName, string password, IPAddress? address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = ThrottleKey(userName, address);
        var throttle = await db.LoginThrottles.SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (throttle?.LockedUntilUtc > now)
        {
            return LoginOutcome.Throttled;
        }

        var user = await users.FindByNameAsync(userName);
        bool passwordOk;
        if (user is null)
        {
            // The same hash work as a real check, so the answer takes as long as for a wrong password.
            dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            _ = hasher.VerifyHashedPassword(Nobody, dummyHash, password);
            passwordOk = false;
        }
        else
        {
            passwordOk = await users.CheckPasswordAsync(user, password);
        }

        if (!passwordOk || user is null)
        {
            await CountFailureAsync(throttle, key, now, cancellationToken);
            return LoginOutcome.Failed;
        }

        if (throttle is not null)
        {
            db.LoginThrottles.Remove(throttle);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return LoginOutcome.Disabled;
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return LoginOutcome.SignedIn;
    }

    private async Task CountFailureAsync(LoginThrottle? throttle, string key, DateTime now, CancellationToken cancellationToken)
    {
        var lockout = identity.Value.Lockout;
        if (throttle is null)
        {
            // Old entries go when new ones come, so the table stays as small as the recent failures.
            var stale = now - lockout.DefaultLockoutTimeSpan;
            await db.LoginThrottles.Where(t => t.LastFailureUtc < stale && (t.LockedUntilUtc == null || t.LockedUntilUtc < now))
                .ExecuteDeleteAsync(cancellationToken);
            throttle = new LoginThrottle { Key = key };
            db.LoginThrottles.Add(throttle);
        }
        else if (throttle.LastFailureUtc < now - lockout.DefaultLockoutTimeSpan)
        {
            // Failures older than the lockout window are forgotten.
            throttle.Failures = 0;
        }

        throttle.Failures++;
        throttle.LastFailureUtc = now;
        if (throttle.Failures >= lockout.MaxFailedAccessAttempts)
        {
            throttle.Failures = 0;
            throttle.LockedUntilUtc = now + lockout.DefaultLockoutTimeSpan;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A parallel failure for the same key created or changed the row first; it counted.
            db.ChangeTracker.Clear();
        }
    }

    private string ThrottleKey(string userName, IPAddress? address)
    {
        var name = users.NormalizeName(userName.Trim()) ?? "";
        var client = address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
        var text = name + "\n" + (client?.ToString() ?? "unknown");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
