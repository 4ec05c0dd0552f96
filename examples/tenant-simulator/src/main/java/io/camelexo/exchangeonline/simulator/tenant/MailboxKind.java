package io.camelexo.exchangeonline.simulator.tenant;

/** The mailbox types the simulator generates, with their RecipientTypeDetails and Set-Mailbox -Type names. */
public enum MailboxKind {
    USER("UserMailbox", "Regular"),
    SHARED("SharedMailbox", "Shared"),
    ROOM("RoomMailbox", "Room"),
    EQUIPMENT("EquipmentMailbox", "Equipment");

    private final String recipientTypeDetails;
    private final String typeParameter;

    MailboxKind(String recipientTypeDetails, String typeParameter) {
        this.recipientTypeDetails = recipientTypeDetails;
        this.typeParameter = typeParameter;
    }

    public String recipientTypeDetails() {
        return recipientTypeDetails;
    }

    public boolean isResource() {
        return this == ROOM || this == EQUIPMENT;
    }

    /** The kind named by Set-Mailbox -Type (Regular, Shared, Room, Equipment), or null. */
    public static MailboxKind ofTypeParameter(String type) {
        for (MailboxKind kind : values()) {
            if (kind.typeParameter.equalsIgnoreCase(type.strip())) {
                return kind;
            }
        }
        return null;
    }
}
