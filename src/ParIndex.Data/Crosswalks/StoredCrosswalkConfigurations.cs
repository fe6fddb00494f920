using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParIndex.Data.Crosswalks;

internal sealed class StoredCrosswalkConfiguration : IEntityTypeConfiguration<StoredCrosswalk>
{
    public void Configure(EntityTypeBuilder<StoredCrosswalk> builder)
    {
        builder.ToTable("Crosswalks");
        builder.HasIndex(c => new { c.FromFrameworkRecordId, c.ToFrameworkRecordId }).IsUnique();
        builder.HasOne(c => c.From).WithMany().HasForeignKey(c => c.FromFrameworkRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.To).WithMany().HasForeignKey(c => c.ToFrameworkRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.UpdatedBy).HasMaxLength(TextLimits.UserName);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class CrosswalkRevisionConfiguration : IEntityTypeConfiguration<CrosswalkRevision>
{
    public void Configure(EntityTypeBuilder<CrosswalkRevision> builder)
    {
        builder.ToTable("CrosswalkRevisions");
        builder.HasIndex(r => new { r.CrosswalkId, r.Version }).IsUnique();
        builder.HasOne(r => r.Crosswalk).WithMany(c => c.Revisions).HasForeignKey(r => r.CrosswalkId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.UserName).HasMaxLength(TextLimits.UserName);
        builder.Property(r => r.Action).HasMaxLength(16);
        builder.Property(r => r.Summary).HasMaxLength(TextLimits.Reason);
    }
}
