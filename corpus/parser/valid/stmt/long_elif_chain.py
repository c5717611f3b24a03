if a == 0:
    pass
elif a == 1:
    pass
elif a == 2:
    pass
elif a == 3:
    pass
elif a == 4:
    pass
elif a == 5:
    pass
elif a == 6:
    pass
elif a == 7:
    pass
elif a == 8:
    pass
elif a == 9:
    pass
elif a == 10:
    pass
elif a == 11:
    pass
elif a == 12:
    pass
elif a == 13:
    pass
elif a == 14:
    pass
elif a == 15:
    pass
elif a == 16:
    pass
elif a == 17:
    pass
elif a == 18:
    pass
elif a == 19:
    pass
elif a == 20:
    pass
elif a == 21:
    pass
elif a == 22:
    pass
elif a == 23:
    pass
elif a == 24:
    pass
elif a == 25:
    pass
elif a == 26:
    pass
elif a == 27:
    pass
elif a == 28:
    pass
elif a == 29:
    pass
elif a == 30:
    pass
elif a == 31:
    pass
elif a == 32:
    pass
elif a == 33:
    pass
elif a == 34:
    pass
elif a == 35:
    pass
elif a == 36:
    pass
elif a == 37:
    pass
elif a == 38:
    pass
elif a == 39:
    pass
elif a == 40:
    pass
elif a == 41:
    pass
elif a == 42:
    pass
elif a == 43:
    pass
elif a == 44:
    pass
elif a == 45:
    pass
elif a == 46:
    pass
elif a == 47:
    pass
elif a == 48:
    pass
elif a == 49:
    pass
elif a == 50:
    pass
elif a == 51:
    pass
elif a == 52:
    pass
elif a == 53:
    pass
elif a == 54:
    pass
elif a == 55:
    pass
elif a == 56:
    pass
elif a == 57:
    pass
elif a == 58:
    pass
elif a == 59:
    pass
elif a == 60:
    pass
elif a == 61:
    pass
elif a == 62:
    pass
elif a == 63:
    pass
elif a == 64:
    pass
elif a == 65:
    pass
elif a == 66:
    pass
elif a == 67:
    pass
elif a == 68:
    pass
elif a == 69:
    pass
elif a == 70:
    pass
elif a == 71:
    pass
elif a == 72:
    pass
elif a == 73:
    pass
elif a == 74:
    pass
elif a == 75:
    pass
elif a == 76:
    pass
elif a == 77:
    pass
elif a == 78:
    pass
elif a == 79:
    pass
elif a == 80:
    pass
elif a == 81:
    pass
elif a == 82:
    pass
elif a == 83:
    pass
elif a == 84:
    pass
elif a == 85:
    pass
elif a == 86:
    pass
elif a == 87:
    pass
elif a == 88:
    pass
elif a == 89:
    pass
elif a == 90:
    pass
elif a == 91:
    pass
elif a == 92:
    pass
elif a == 93:
    pass
elif a == 94:
    pass
elif a == 95:
    pass
elif a == 96:
    pass
elif a == 97:
    pass
elif a == 98:
    pass
elif a == 99:
    pass
elif a == 100:
    pass
elif a == 101:
    pass
elif a == 102:
    pass
elif a == 103:
    pass
elif a == 104:
    pass
elif a == 105:
    pass
elif a == 106:
    pass
elif a == 107:
    pass
elif a == 108:
    pass
elif a == 109:
    pass
elif a == 110:
    pass
elif a == 111:
    pass
elif a == 112:
    pass
elif a == 113:
    pass
elif a == 114:
    pass
elif a == 115:
    pass
elif a == 116:
    pass
elif a == 117:
    pass
elif a == 118:
    pass
elif a == 119:
    pass
elif a == 120:
    pass
elif a == 121:
    pass
elif a == 122:
    pass
elif a == 123:
    pass
elif a == 124:
    pass
elif a == 125:
    pass
elif a == 126:
    pass
elif a == 127:
    pass
elif a == 128:
    pass
elif a == 129:
    pass
elif a == 130:
    pass
elif a == 131:
    pass
elif a == 132:
    pass
elif a == 133:
    pass
elif a == 134:
    pass
elif a == 135:
    pass
elif a == 136:
    pass
elif a == 137:
    pass
elif a == 138:
    pass
elif a == 139:
    pass
elif a == 140:
    pass
elif a == 141:
    pass
elif a == 142:
    pass
elif a == 143:
    pass
elif a == 144:
    pass
elif a == 145:
    pass
elif a == 146:
    pass
elif a == 147:
    pass
elif a == 148:
    pass
elif a == 149:
    pass
else:
    pass
