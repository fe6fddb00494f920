namespace ParIndex.Web.Accounts;

/// <summary>How long a sign-in lasts (section <c>Auth</c>).</summary>
public sealed class AuthSessionOptions
{
    /// <summary>A session unused this long ends (<c>Auth:IdleTimeout</c>, default 30 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in however active it is (<c>Auth:Lifetime</c>, default 10 hours).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(10);
}
