using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Data;
using ParIndex.Data.Accounts;

namespace ParIndex.Web.Accounts;

/// <summary>
/// Keeps the auth ticket in the database (table AuthSessions) and only its random key in the cookie:
/// logout, a lock or a password reset deletes the row and the copied cookie stops working at once,
/// on every instance. Reading a session is one primary-key lookup.
/// </summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuthSessionOptions> options) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = Now();
        var session = new AuthSession
        {
            Id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
                ?? throw new InvalidOperationException("The ticket has no user id."),
            CreatedUtc = now,
        };
        Fill(session, ticket, now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
        // Expired sessions are removed at sign-in, not on every request.
        await db.AuthSessions.Where(s => s.ExpiresUtc <= now).ExecuteDeleteAsync(cancellationToken);
        db.AuthSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        StoreAsync(ticket, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
        var session = await db.AuthSessions.SingleOrDefaultAsync(s => s.Id == key, cancellationToken);
        if (session is null)
        {
            // Ended meanwhile (logout, lock): a renewal must not bring it back.
            return;
        }

        Fill(session, ticket, Now());
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        RenewAsync(key, ticket, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
        var bytes = await db.AuthSessions.AsNoTracking()
            .Where(s => s.Id == key && s.ExpiresUtc > now)
            .Select(s => s.Ticket)
            .FirstOrDefaultAsync(cancellationToken);
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RetrieveAsync(key, cancellationToken);

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
        await db.AuthSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RemoveAsync(key, cancellationToken);

    /// <summary>
    /// The session ends at the idle deadline the cookie handler set (sliding), but never later than
    /// the absolute lifetime counted from sign-in; the ticket says the same so the cookie agrees.
    /// </summary>
    private void Fill(AuthSession session, AuthenticationTicket ticket, DateTime now)
    {
        var idle = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + options.Value.IdleTimeout;
        var absolute = session.CreatedUtc + options.Value.Lifetime;
        var expires = idle < absolute ? idle : absolute;
        ticket.Properties.ExpiresUtc = new DateTimeOffset(expires, TimeSpan.Zero);
        session.ExpiresUtc = expires;
        session.Ticket = TicketSerializer.Default.Serialize(ticket);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>Puts the application cookie's tickets in <see cref="DbTicketStore"/> with the configured timeouts.</summary>
internal sealed class SessionCookieSetup(DbTicketStore store, IOptions<AuthSessionOptions> sessions) : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        if (name != Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
        {
            return;
        }

        options.SessionStore = store;
        options.ExpireTimeSpan = sessions.Value.IdleTimeout;
        options.SlidingExpiration = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);
}
