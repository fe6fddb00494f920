using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Data.Accounts;

namespace ParIndex.Data.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.RecipientId).HasMaxLength(450);
        builder.Property(n => n.Kind).HasMaxLength(40);
        builder.Property(n => n.IdempotencyKey).HasMaxLength(400);
        builder.Property(n => n.Subject).HasMaxLength(TextLimits.NotificationSubject);
        builder.Property(n => n.Body).HasMaxLength(TextLimits.NotificationBody);
        builder.Property(n => n.Link).HasMaxLength(500);
        // Created once per occasion, whatever the number of planners (insert-if-absent).
        builder.HasIndex(n => n.IdempotencyKey).IsUnique();
        // The user's list, newest first, and the unread count.
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Address).HasMaxLength(TextLimits.Email);
        builder.Property(d => d.ClaimedBy).HasMaxLength(200);
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.HasIndex(d => new { d.NotificationId, d.Channel }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasOne(d => d.Notification).WithMany(n => n.Deliveries).HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationCursorConfiguration : IEntityTypeConfiguration<NotificationCursor>
{
    public void Configure(EntityTypeBuilder<NotificationCursor> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(40);
    }
}
