namespace ParIndex.Data.Notifications;

/// <summary>
/// Sending one notification over one channel (e-mail). A dispatcher claims a pending row for a
/// lease (<see cref="ClaimedBy"/>, <see cref="ClaimedUntil"/>) before sending, so that two instances
/// do not send the same mail; a failure schedules the next attempt (<see cref="NextAttemptAt"/>).
/// </summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }

    public long NotificationId { get; set; }

    public Notification? Notification { get; set; }

    public DeliveryChannel Channel { get; set; } = DeliveryChannel.Email;

    /// <summary>The address at the time the notification was made.</summary>
    public required string Address { get; set; }

    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;

    public int Attempts { get; set; }

    /// <summary>Not before this instant (UTC): the back-off after a failure.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The instance that is sending it now, until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    /// <summary>The last failure, for operators only (never shown to users).</summary>
    public string? LastError { get; set; }

    public DateTime? SentAt { get; set; }
}

public enum DeliveryChannel
{
    Email,
}

public enum DeliveryStatus
{
    /// <summary>To send (again, after <see cref="NotificationDelivery.NextAttemptAt"/>).</summary>
    Pending,

    Sent,

    /// <summary>Not sent: no SMTP server configured when it was made (in-app only).</summary>
    Skipped,

    /// <summary>Given up after the maximum number of attempts.</summary>
    Failed,
}
