using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParIndex.Data.Evidence;

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(TextLimits.FileName);
        builder.Property(f => f.ContentType).HasMaxLength(150);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.DocumentNumber).HasMaxLength(TextLimits.DocumentNumber);
        builder.Property(f => f.UploadedBy).HasMaxLength(TextLimits.UserName);
        builder.Property(f => f.StorageName).HasMaxLength(100);
        builder.HasIndex(f => f.StorageName).IsUnique();
        builder.HasOne(f => f.Assessment).WithMany().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
