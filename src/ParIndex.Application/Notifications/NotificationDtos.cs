namespace ParIndex.Application.Notifications;

/// <summary>One notification as its recipient sees it.</summary>
public sealed record NotificationView(long Id, string Kind, string Subject, string Body, string Link, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>A page of the recipient's notifications, newest first.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total, int Unread)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
