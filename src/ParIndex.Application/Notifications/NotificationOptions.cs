namespace ParIndex.Application.Notifications;

/// <summary>The <c>Notifications</c> section: the background pass, lead times, retries (ADR 0119).</summary>
public sealed class NotificationOptions
{
    /// <summary>Run the pass in the web host's background service.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between two passes of the background service.</summary>
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>How long before a deadline to remind (default 7 days and 1 day).</summary>
    public TimeSpan[]? ReminderLeadTimes { get; set; }

    /// <summary>History rows younger than this are left for the next pass, so that a slower transaction that took a smaller id is not passed over.</summary>
    public int SettleSeconds { get; set; } = 30;

    /// <summary>Workflow moves older than this are not announced (e.g. when notifications are first switched on over an old database).</summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(2);

    /// <summary>E-mail attempts before a delivery is given up.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long a dispatcher holds a delivery it is sending before another may take it.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Deliveries sent at most per pass.</summary>
    public int BatchSize { get; set; } = 100;

    internal static readonly TimeSpan[] DefaultLeadTimes = [TimeSpan.FromDays(7), TimeSpan.FromDays(1)];

    /// <summary>The configured lead times, positive ones only, or the defaults.</summary>
    public IReadOnlyList<TimeSpan> LeadTimes =>
        ReminderLeadTimes is { Length: > 0 } configured && configured.Where(t => t > TimeSpan.Zero).ToArray() is { Length: > 0 } positive
            ? positive
            : DefaultLeadTimes;

    /// <summary>Wait before attempt n+1 after n failures: 1, 2, 4 … minutes, at most 1 hour.</summary>
    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, failures - 1))));
}

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    StartTls,
    None,
    SslOnConnect,
}

/// <summary>The <c>Smtp</c> section. Without a host, e-mails are not sent (in-app notifications only).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity UseTls { get; set; } = SmtpSecurity.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>"PAR INDEX" &lt;parindex@noivu.gov.vn&gt;</c>.</summary>
    public string? From { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>The <c>App</c> section: the address users reach the app at, for links in e-mails.</summary>
public sealed class PublicAppOptions
{
    public string? PublicBaseUrl { get; set; }

    /// <summary>An absolute link to <paramref name="path"/> when the base URL is set, else the path.</summary>
    public string Absolute(string path) =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? path : PublicBaseUrl.TrimEnd('/') + path;
}
