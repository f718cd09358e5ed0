using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class WaitingIndexPartial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_Waiting",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Waiting",
                table: "Conversations",
                columns: new[] { "QueueId", "Owner", "Priority", "FirstResponseDueAt", "Id" },
                descending: new[] { false, false, true, false, false },
                filter: "\"Status\" = 'New' AND \"AssignedToId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_Waiting",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Waiting",
                table: "Conversations",
                columns: new[] { "QueueId", "Status", "AssignedToId", "Owner", "Priority", "FirstResponseDueAt", "Id" },
                descending: new[] { false, false, false, false, true, false, false });
        }
    }
}
