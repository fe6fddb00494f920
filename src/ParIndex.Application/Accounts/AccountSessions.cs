using Microsoft.EntityFrameworkCore;
using ParIndex.Data;

namespace ParIndex.Application.Accounts;

/// <summary>The stored sign-in sessions (the web's ticket store keeps them in <c>AuthSessions</c>).</summary>
public static class AccountSessions
{
    /// <summary>Ends every session of a user (lock, password reset, role or unit change).</summary>
    public static Task<int> EndAllOfAsync(ParIndexDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AuthSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
