namespace ParIndex.Data.Notifications;

/// <summary>
/// One message to one user (in the app, and by e-mail when it can be sent). Created once per
/// <see cref="IdempotencyKey"/>: the unique key is what keeps two planners (two passes, two
/// instances) from announcing the same thing twice (ADR 0119).
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    /// <summary>The recipient's <see cref="Accounts.AppUser"/> id.</summary>
    public required string RecipientId { get; set; }

    /// <summary>What it announces (<see cref="NotificationKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>(kind, subject entity, recipient, occasion), e.g. <c>deadline-self:a42:2026-12-01T10:00:00Z:7.00:00:00:u…</c>.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>Vietnamese subject line.</summary>
    public required string Subject { get; set; }

    /// <summary>Vietnamese plain text.</summary>
    public required string Body { get; set; }

    /// <summary>A path in the app (<c>/assessments/42</c>); e-mails prefix the public base URL.</summary>
    public required string Link { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }

    public List<NotificationDelivery> Deliveries { get; set; } = [];
}

/// <summary>The kinds of notification.</summary>
public static class NotificationKinds
{
    public const string Submitted = "submitted";
    public const string PreliminarySent = "preliminary-sent";
    public const string Published = "published";
    public const string SelfAssessmentDeadline = "deadline-self-assessment";
    public const string ResponseDeadline = "deadline-response";
}
